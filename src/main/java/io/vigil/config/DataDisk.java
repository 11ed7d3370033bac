package io.vigil.config;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.vigil.i18n.Reason;

/**
 * The disk under the data folder, where the embedded stores (configuration, cache, series) and the spool live: how much
 * room is left, and whether a store's failed write was that disk being full. A full disk is told as what it is, never
 * as the embedded database's own error, and the console and {@code vigil collect} show it as a state of their own.
 * <p>
 * Thresholds: <b>full</b> below {@value #FULL_BYTES} bytes or 1 % of the disk, whichever is smaller (an embedded store
 * writes in chunks of up to a megabyte or two, so less than that is no room); <b>low</b> below 1 GB or 5 % of the disk,
 * whichever is smaller.
 */
public final class DataDisk {

    static final long FULL_BYTES = 8L * 1024 * 1024;
    static final long LOW_BYTES = 1024L * 1024 * 1024;

    /** How much room is left. */
    public enum Level {
        OK, LOW, FULL, UNKNOWN
    }

    /**
     * One reading.
     *
     * @param folder the data folder
     * @param free   bytes a write may still use; -1 when unknown
     * @param total  the size of the disk in bytes; -1 when unknown
     * @param level  what that means
     */
    public record State(Path folder, long free, long total, Level level) {

        /** No reading (no local data folder, or it could not be read). */
        public static final State UNKNOWN = new State(null, -1, -1, Level.UNKNOWN);

        /** Whether this reading is worth telling a user: the disk is full or nearly. */
        public boolean warning() {
            return level == Level.FULL || level == Level.LOW;
        }

        /** The state in a sentence for a status line or notice; empty when there is nothing to say. */
        public Reason reason() {
            return switch (level) {
                case FULL -> Reason.of("disk.full", folder.toString(), bytes(free));
                case LOW -> Reason.of("disk.low", folder.toString(), bytes(free));
                case OK, UNKNOWN -> Reason.NONE;
            };
        }
    }

    private final Path folder;

    public DataDisk(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Reads the disk's room now (one statfs call: cheap enough for every snapshot). */
    public State sample() {
        return sample(folder);
    }

    /** The room on the disk under {@code folder}, or under its nearest folder that exists. */
    public static State sample(Path folder) {
        try {
            FileStore store = Files.getFileStore(existing(folder));
            long free = store.getUsableSpace();
            long total = store.getTotalSpace();
            return new State(folder, free, total, level(free, total));
        } catch (IOException | SecurityException e) {
            return State.UNKNOWN;
        }
    }

    static Level level(long free, long total) {
        long full = total > 0 ? Math.min(FULL_BYTES, total / 100) : FULL_BYTES;
        long low = total > 0 ? Math.min(LOW_BYTES, total / 20) : LOW_BYTES;
        if (free < full) {
            return Level.FULL;
        }
        return free < low ? Level.LOW : Level.OK;
    }

    /**
     * Whether {@code failure}, a store's failed write under {@code folder}, is the disk being full: a write the file
     * system refused (an {@link IOException} among its causes) while the disk has no room left. A refused write on a disk
     * with room (permissions, a read-only mount) is not.
     */
    public static boolean refusedForRoom(Path folder, Throwable failure) {
        if (folder == null || !hasIoCause(failure)) {
            return false;
        }
        return sample(folder).level() == Level.FULL;
    }

    /**
     * The reason for a store's write that a full disk refused, or empty when {@code failure} is something else.
     *
     * @param store which store, as a reason: {@code disk.store.cache}, {@code disk.store.series} or {@code disk.store.config}
     */
    public static Optional<Reason> fullDisk(Path folder, Throwable failure, Reason store) {
        return folder != null && hasIoCause(failure) ? noRoom(folder, store) : Optional.empty();
    }

    /**
     * The reason {@code store} under {@code folder} cannot write now because its disk is full (one reading), or empty when
     * there is room: asked before a write that would otherwise wait for a database that cannot open.
     */
    public static Optional<Reason> noRoom(Path folder, Reason store) {
        State s = sample(folder);
        return s.level() == Level.FULL ? Optional.of(Reason.of("disk.full.write", store, folder.toString(), bytes(s.free()))) : Optional.empty();
    }

    /** Whether the file system's own error ({@link IOException}) is among the causes of {@code failure}. */
    static boolean hasIoCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && s.getNextException() != null && hasIoCause(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static Path existing(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder.toAbsolutePath().getRoot() : p;
    }

    /** Bytes as a user reads them: "0 KB", "312 KB", "7.4 MB", "12.0 GB". */
    public static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        if (n < 1024L * 1024) {
            return (n + 1023) / 1024 + " KB";
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", n / (1024.0 * 1024 * 1024));
    }
}
