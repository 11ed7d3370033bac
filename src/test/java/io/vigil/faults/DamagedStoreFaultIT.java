package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cli.CollectCommand;
import io.vigil.cli.ConfigCommands;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.DamagedStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.ui.ConsoleContext;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;

import picocli.CommandLine;

/**
 * Garbage written into an embedded store's H2 file (the config store, the cache, the series store): Vigil starts all
 * the same, keeps the damaged file as {@code NAME.mv.db.damaged-<time>} byte for byte, starts a new store, and says so
 * with the file's name in the CLI's output and the console's banner, in the user's language and without H2's words.
 */
class DamagedStoreFaultIT {

    @TempDir
    Path home;

    @AfterEach
    void forget() {
        System.clearProperty("vigil.home");
        DamagedStores.drain();
    }

    @Test
    void aDamagedConfigStoreIsKeptAsideAndTheCliSaysWhichFileAndWhat() throws Exception {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            store.saveTarget(new Target(0, "kept-before", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
                    List.of(), true));
        }
        Path file = dirs.configDb().resolve("vigil.mv.db");
        byte[] damaged = damage(file);

        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ConfigCommands.Export());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("--data-dir", home.toString());
        String said = out.toString();
        System.out.println("[fault] config store damaged, vigil export said: " + said.lines().findFirst().orElse(""));

        Path copy = onlyCopy(dirs.configDb(), "vigil.mv.db.damaged-");
        assertThat(exit).as(said).isZero();
        assertThat(said).as("names the file and the copy").contains(file.toString()).contains(copy.getFileName().toString());
        assertThat(said).as("not in H2's words").doesNotContain("org.h2").doesNotContain("Exception").doesNotContain("MVStore");
        assertThat(said).as("the targets are not in the new store: it says so, and how to bring them back").contains("vigil import")
                .doesNotContain("kept-before");
        assertThat(Files.readAllBytes(copy)).as("the damaged file is kept as it was").isEqualTo(damaged);
        assertThat(file).as("a new store").exists();
        assertThat(new Messages(java.util.Locale.SIMPLIFIED_CHINESE).render(new DamagedStores.Recovery(DamagedStores.Store.CONFIG, file, copy)
                .reason())).as("in Chinese").contains(file.toString()).contains(copy.getFileName().toString()).contains("配置库");

        // a second open finds a sound store: nothing moved again, nothing said
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            assertThat(store.targets()).extracting(Target::name).doesNotContain("kept-before");
        }
        assertThat(DamagedStores.drain()).isEmpty();
    }

    @Test
    void theConsoleStartsOverDamagedStoresAndItsBannerSaysWhatWasDone() throws Exception {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
             CacheDb cache = CacheDb.embedded(dirs.home().resolve("cache"));
             H2SeriesStore series = new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), Clock.systemUTC())) {
            series.write(List.of(Point.of("x", Map.of("target", "a"), Instant.now(), 1)));
        }
        for (Path f : List.of(dirs.configDb().resolve("vigil.mv.db"), dirs.home().resolve("cache").resolve("cache.mv.db"),
                dirs.home().resolve("series").resolve("series.mv.db"))) {
            damage(f);
        }
        ConsoleContext ctx = ConsoleStartup.open(dirs, LaunchOptions.none());
        try {
            String banner = String.valueOf(ctx.storeError());
            System.out.println("[fault] console banner over three damaged stores: " + banner);
            assertThat(ctx.hasStore()).as(banner).isTrue();
            assertThat(ctx.monitoring()).as("collecting: " + banner).isNotNull();
            for (String name : List.of("vigil.mv.db.damaged-", "cache.mv.db.damaged-", "series.mv.db.damaged-")) {
                assertThat(banner).contains(name);
            }
            assertThat(banner).doesNotContain("org.h2").doesNotContain("Exception");
            assertThat(onlyCopy(dirs.home().resolve("cache"), "cache.mv.db.damaged-")).exists();
            assertThat(onlyCopy(dirs.home().resolve("series"), "series.mv.db.damaged-")).exists();
        } finally {
            if (ctx.monitoring() != null) {
                ctx.monitoring().close();
            }
            if (ctx.store() != null) {
                ctx.store().close();
            }
        }
    }

    @Test
    void vigilCollectStartsOverADamagedCacheAndSeriesStoreAndSaysSo() throws Exception {
        AppDirs dirs = new AppDirs(home);
        try (CacheDb cache = CacheDb.embedded(dirs.home().resolve("cache"));
             H2SeriesStore series = new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), Clock.systemUTC())) {
            series.write(List.of(Point.of("x", Map.of("target", "a"), Instant.now(), 1)));
        }
        damage(dirs.home().resolve("cache").resolve("cache.mv.db"));
        damage(dirs.home().resolve("series").resolve("series.mv.db"));
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CollectCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("--data-dir", home.toString(), "--duration", "3s", "--every", "1");
        String said = out.toString();
        System.out.println("[fault] cache and series damaged, vigil collect said: " + said.lines().limit(3).toList());
        assertThat(exit).as(said).isZero();
        assertThat(said).contains("cache.mv.db.damaged-").contains("series.mv.db.damaged-").doesNotContain("org.h2");
    }

    /** Overwrites the file's first 8 KB (its header and first pages) with random bytes; returns the file as left. */
    static byte[] damage(Path file) throws IOException {
        assertThat(file).as("the store's file").exists();
        byte[] junk = new byte[8192];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile r = new RandomAccessFile(file.toFile(), "rw")) {
            r.seek(0);
            r.write(junk);
        }
        return Files.readAllBytes(file);
    }

    static Path onlyCopy(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> copies = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(copies).as("one kept copy in " + folder).hasSize(1);
            return copies.getFirst();
        }
    }
}
