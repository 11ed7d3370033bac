package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Reason;

/**
 * An embedded store (the config store, the cache or the series store: one H2 file each) that cannot be opened because
 * its file is damaged is moved aside as {@code NAME.mv.db.damaged-<time>} next to it, and a new empty one is started,
 * so Vigil still starts. Nothing of this is silent: each is logged, and kept as a {@link Recovery} that the console and
 * the CLI show once ({@link #drain()}). Damage is told from other failures by H2's error codes, never by its text; a
 * file another program holds locked is not damaged and is never moved.
 */
public final class DamagedStores {

    private static final Logger LOG = LoggerFactory.getLogger(DamagedStores.class);
    /** H2's "file corrupted" and "unsupported file version or invalid header". */
    private static final List<Integer> SQL_CODES = List.of(90030, 90048);
    /** MVStore's unsupported format, file corrupt, chunk or block not found, transaction log corrupt. */
    private static final List<Integer> STORE_CODES = List.of(5, 6, 9, 50, 100);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<Recovery> RECOVERED = new ArrayList<>();

    /** Which store a damaged file held: its name in messages, and what losing it costs. */
    public enum Store {
        CONFIG, CACHE, SERIES
    }

    /** A damaged file moved aside and replaced by a new empty store. */
    public record Recovery(Store store, Path file, Path copy) {

        /** What to tell the user, in their language. */
        public Reason reason() {
            Reason name = storeName(store);
            return Reason.of(store == Store.CONFIG ? "store.damaged.config" : "store.damaged", name, file.toString(), copy.getFileName().toString());
        }
    }

    private DamagedStores() {
    }

    private static Reason storeName(Store store) {
        return switch (store) {
            case CONFIG -> Reason.of("store.name.config");
            case CACHE -> Reason.of("store.name.cache");
            case SERIES -> Reason.of("store.name.series");
        };
    }

    /**
     * Opens the embedded store whose H2 file is {@code base}{@code .mv.db} with {@code opener}; when that fails because
     * the file is damaged, moves it aside and opens a new one. Any other failure is thrown as it was.
     */
    public static <T> T open(Store store, Path base, Supplier<T> opener) {
        try {
            return opener.get();
        } catch (RuntimeException e) {
            Path file = base.resolveSibling(base.getFileName() + ".mv.db");
            if (DataDisk.refusedForRoom(base.getParent(), e)) {
                // a full disk is not damage: the file stays where it is, and the user is told what to free
                throw new ConfigStoreException(Reason.of("disk.full.open", storeName(store), base.getParent().toString(),
                        DataDisk.bytes(DataDisk.sample(base.getParent()).free())), e);
            }
            if (!isDamage(e) || !Files.isRegularFile(file)) {
                throw e;
            }
            Path copy = file.resolveSibling(file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP));
            for (int n = 2; Files.exists(copy); n++) {
                copy = file.resolveSibling(file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP) + "-" + n);
            }
            try {
                Files.move(file, copy);
            } catch (IOException moveFailed) {
                e.addSuppressed(moveFailed);
                throw e;
            }
            LOG.error("The {} store file {} was damaged ({}); kept as {}, a new empty store is started", store, file, rootMessage(e),
                    copy.getFileName());
            synchronized (RECOVERED) {
                RECOVERED.add(new Recovery(store, file, copy));
            }
            return opener.get();
        }
    }

    /** The recoveries since the last call, oldest first, each to be shown once. */
    public static List<Recovery> drain() {
        synchronized (RECOVERED) {
            List<Recovery> out = List.copyOf(RECOVERED);
            RECOVERED.clear();
            return out;
        }
    }

    /** Whether the failure, or one of its causes, is H2 reporting a damaged file. */
    static boolean isDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_CODES.contains(sql.getErrorCode())) {
                return true;
            }
            if (t instanceof org.h2.mvstore.MVStoreException mv && STORE_CODES.contains(mv.getErrorCode())) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isDamage(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }
}
