package io.vigil.mirror;

/** The cache database refused a write or read; the message names the cache and the table. */
public final class CacheException extends RuntimeException {

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
