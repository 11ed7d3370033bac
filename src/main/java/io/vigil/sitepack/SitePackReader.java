package io.vigil.sitepack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.i18n.Reason;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.series.SeriesStore;

/**
 * Opens a site pack: the manifest first (a newer format is refused), then every entry's size and SHA-256 while it is
 * unpacked into a private temporary folder (a damaged pack is refused whole, nothing of it opened), then the stores
 * from there. Nothing here connects to anything. Blocks on files: call it off the FX thread.
 */
public final class SitePackReader {

    private static final Set<String> KNOWN = Set.of(SitePackWriter.CONFIG, SitePackWriter.SERIES, SitePackWriter.CACHE,
            SitePackWriter.JOBS, SitePackWriter.SYNCS, SitePackWriter.LATEST);
    /** Format 1 kept its series in an embedded series store. */
    private static final Set<String> KNOWN_1 = Set.of(SitePackWriter.CONFIG, SitePackWriter.SERIES_STORE, SitePackWriter.CACHE,
            SitePackWriter.JOBS, SitePackWriter.SYNCS, SitePackWriter.LATEST);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SitePackReader() {
    }

    /** Opens the pack read-only from a private copy, which {@link OpenedPack#close()} removes. */
    public static OpenedPack open(Path file) {
        Path folder = null;
        ConfigStore store = null;
        SeriesStore series = null;
        CacheDb cache = null;
        try (ZipFile zip = zip(file)) {
            PackManifest m = manifest(zip, file);
            folder = Files.createTempDirectory("vigil-pack-open-");
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the user's temp folder is private already
            }
            unpack(zip, m, folder, file);
            Files.createDirectories(folder.resolve("config"));
            Files.move(folder.resolve(SitePackWriter.CONFIG), folder.resolve("config").resolve("vigil.mv.db"));
            AppDirs dirs = new AppDirs(folder);
            store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
            // the pack's clock stands at the end of its range, so its store reads the range as it did then
            if (m.format() == 1) {
                series = PackStores.series(folder, Clock.fixed(m.toTime(), ZoneOffset.UTC));
            } else {
                try {
                    series = PackSeries.open(folder.resolve(SitePackWriter.SERIES));
                } catch (IOException e) {
                    throw damaged(file, e); // its checksum held, so it was written wrong: as damaged as a torn one
                }
            }
            cache = CacheDb.embedded(folder);
            InMemoryLedger ledger = new InMemoryLedger();
            PackJson.syncs(Files.readAllBytes(folder.resolve(SitePackWriter.SYNCS))).forEach(ledger::record);
            return new OpenedPack(m, folder, store, series, cache, ledger,
                    PackJson.jobs(Files.readAllBytes(folder.resolve(SitePackWriter.JOBS))),
                    PackJson.points(Files.readAllBytes(folder.resolve(SitePackWriter.LATEST))));
        } catch (IOException | RuntimeException e) {
            closeQuietly(cache, series, store);
            if (folder != null) {
                PackFiles.deleteTree(folder);
            }
            if (e instanceof SitePackException s) {
                throw s;
            }
            if (e instanceof IOException io) {
                throw io(file, io);
            }
            throw damaged(file, e);
        }
    }

    private static ZipFile zip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SitePackException(SitePackException.Kind.IO, Reason.of("sitepack.error.missing", file.toString()), "no file " + file, null);
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4 || !java.util.Arrays.equals(head, ZIP_MAGIC)) {
                throw notAPack(file);
            }
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw damaged(file, e); // begins as a zip but its directory is gone: cut short
        }
    }

    private static PackManifest manifest(ZipFile zip, Path file) {
        ZipEntry entry = zip.getEntry(PackManifest.NAME);
        if (entry == null) {
            throw notAPack(file);
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw damaged(file, e);
        }
        int format;
        try {
            format = PackJson.format(json);
        } catch (IOException e) {
            throw damaged(file, e);
        }
        if (format > PackManifest.FORMAT) {
            String by;
            try {
                by = PackJson.vigilVersion(json);
            } catch (IOException e) {
                by = "";
            }
            throw new SitePackException(SitePackException.Kind.TOO_NEW, Reason.of("sitepack.error.tooNew", file.toString(), by, PackManifest.runningVersion()),
                    "format " + format + " is newer than " + PackManifest.FORMAT, null);
        }
        try {
            PackManifest m = PackJson.manifest(json);
            if (m.format() < 1 || m.to() <= m.from()) {
                throw damaged(file, null);
            }
            return m;
        } catch (IOException e) {
            throw damaged(file, e);
        }
    }

    private static void unpack(ZipFile zip, PackManifest m, Path folder, Path file) {
        Set<String> known = m.format() == 1 ? KNOWN_1 : KNOWN;
        if (!m.entries().stream().map(PackManifest.Entry::name).toList().containsAll(known)) {
            throw damaged(file, null);
        }
        for (PackManifest.Entry e : m.entries()) {
            if (!known.contains(e.name())) {
                throw damaged(file, null); // never a path the manifest makes up
            }
            ZipEntry entry = zip.getEntry(e.name());
            if (entry == null) {
                throw damaged(file, null);
            }
            try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(folder.resolve(e.name()))) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    size += n;
                    if (size > e.size()) {
                        throw damaged(file, null);
                    }
                }
                if (size != e.size() || !HexFormat.of().formatHex(md.digest()).equalsIgnoreCase(e.sha256())) {
                    throw damaged(file, null);
                }
            } catch (IOException ex) {
                throw damaged(file, ex);
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // it is being thrown away
                }
            }
        }
    }

    private static SitePackException notAPack(Path file) {
        return new SitePackException(SitePackException.Kind.NOT_A_PACK, Reason.of("sitepack.error.notAPack", file.toString()),
                file + " is not a site pack", null);
    }

    private static SitePackException damaged(Path file, Throwable cause) {
        return new SitePackException(SitePackException.Kind.DAMAGED, Reason.of("sitepack.error.damaged", file.toString()),
                file + " is damaged", cause);
    }

    private static SitePackException io(Path file, IOException e) {
        return new SitePackException(SitePackException.Kind.IO, Reason.of("sitepack.error.read", file.toString(), String.valueOf(e.getMessage())),
                file + " could not be read: " + e.getMessage(), e);
    }
}
