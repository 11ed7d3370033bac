package io.vigil.sitepack;

import io.vigil.i18n.Reason;

/** A pack that could not be written or opened, with what went wrong as a kind (to decide on) and a reason (to show). */
public final class SitePackException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The file is not a site pack at all (not a zip, or no manifest). */
        NOT_A_PACK,
        /** The file is a pack, but an entry is missing, cut short or changed: nothing of it is opened. */
        DAMAGED,
        /** A newer Vigil made it, in a format this one does not read. */
        TOO_NEW,
        /** The file could not be read or written (missing, no permission, disk full). */
        IO,
        /** A target asked for is not in the configuration. */
        UNKNOWN_TARGET,
        /** The stores could not be read while writing the pack. */
        SOURCE
    }

    private final Kind kind;
    private final Reason reason;

    public SitePackException(Kind kind, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** What to tell the user, for {@code Messages.render}. */
    public Reason reason() {
        return reason;
    }
}
