package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.ChildVigil;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * {@code vigil collect} as a process of its own, mirroring a 200,000-row table in replace mode into a MariaDB cache, is
 * killed with SIGKILL while a snapshot's transaction is under way (seen in InnoDB's open transactions). A reader of
 * the cache polls all along: it only ever sees no snapshot or a whole one (every row, from one pull). The killed
 * transaction is gone at once, and the next start writes whole snapshots again.
 */
class MirrorKillFaultIT {

    static final int ROWS = 200_000;

    @TempDir
    Path home;
    @RegisterExtension
    final ChildVigil vigil = new ChildVigil(() -> home);

    @Test
    void aReaderNeverSeesHalfASnapshotWhenTheCollectorIsKilledMidMirror() throws Exception {
        JdbcServer maria = RealServices.mariadb();
        try (TestDatabase source = maria.createDatabase("big"); TestDatabase cache = maria.createDatabase("bigcache")) {
            try (Connection c = maria.adminConnection(); Statement s = c.createStatement()) {
                s.execute("USE `" + source.name() + "`");
                s.execute("CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(60))");
                s.execute("INSERT INTO big SELECT seq, REPEAT('x', 50) FROM seq_1_to_" + ROWS);
            }
            Path data = home.resolve("data");
            long targetId = prepare(data, source);
            Path pw = home.resolve("cache.pw");
            Files.writeString(pw, cache.password());

            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicLong reads = new AtomicLong();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().daemon().start(() -> read(maria, cache.name(), targetId, seen, reads, reading));
            try {
                Process first = collect(data, cache, pw, "first");
                assertThat(FaultRig.await(Duration.ofSeconds(90), () -> seen.stream().anyMatch(x -> x.startsWith(ROWS + " 1 "))))
                        .as("a first whole snapshot; output: " + output("first")).isTrue();
                assertThat(FaultRig.await(Duration.ofSeconds(60), () -> writing(maria, cache.user()) > 0))
                        .as("a later snapshot under way").isTrue();
                new ProcessBuilder("kill", "-9", String.valueOf(first.pid())).start().waitFor();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long snapshotsBefore = seen.size();
                assertThat(FaultRig.await(Duration.ofSeconds(10), () -> writing(maria, cache.user()) == 0))
                        .as("the killed collector's transaction is rolled back").isTrue();

                collect(data, cache, pw, "second");
                assertThat(FaultRig.await(Duration.ofSeconds(90), () -> seen.size() > snapshotsBefore + 1))
                        .as("the next start writes whole snapshots again; output: " + output("second")).isTrue();
            } finally {
                reading.set(false);
                reader.join(5_000);
            }
            System.out.printf("[fault] SIGKILL during a replace mirror of %,d rows: %,d reads of the cache saw %d whole snapshots, "
                    + "and no snapshot before the first; every state seen: %s%n", ROWS, reads.get(),
                    seen.stream().filter(x -> x.startsWith(ROWS + " 1 ")).count(), seen);
            assertThat(seen).as("no snapshot or a whole one, never part of one or two at once")
                    .allSatisfy(x -> assertThat(x).matches("(0 0|" + ROWS + " 1) .*"));
        }
    }

    // The data folder's embedded config store: the target and one large replace-mode mirror; the pack's own mirrors off.
    private static long prepare(Path data, TestDatabase source) {
        AppDirs dirs = new AppDirs(data);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            Target t = store.saveTarget(new Target(0, "big", TargetKind.MYSQL, source.host(), source.port(), ConnectBy.DATABASE, source.name(),
                    "", source.user(), Secret.of(source.password()), List.of(), true));
            Packs.installMissing(store);
            store.mirrors().stream().filter(MirrorDef::enabled).forEach(m -> store.saveMirror(m.withEnabled(false)));
            store.metrics().stream().filter(m -> m.enabled()).forEach(m -> store.saveMetric(m.withEnabled(false)));
            store.saveMirror(new MirrorDef(0, "big", TargetKind.MYSQL, "SELECT id, payload, NOW(6) AS pulled FROM big", "f_big", 5, ROWS * 2,
                    MirrorMode.REPLACE, "", true, ""));
            return t.id();
        }
    }

    private Process collect(Path data, TestDatabase cache, Path pw, String name) throws IOException {
        return vigil.start(name, "collect", "--data-dir", data.toString(),
                "--cache", cache.jdbcUrl(), "--cache-user", cache.user(), "--cache-password-file", pw.toString(), "--every", "5");
    }

    private String output(String name) {
        return vigil.output(name);
    }

    // Open transactions of the cache's login that have changed rows: a snapshot being written.
    private static int writing(JdbcServer maria, String user) {
        try (Connection c = maria.adminConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
                        + "WHERE p.USER = ? AND t.trx_rows_modified > 0")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    // What a reader of the cache sees, as "rows distinct-pulls pulled": for each read that differs from the one before.
    private static void read(JdbcServer maria, String cacheDb, long targetId, Set<String> seen, AtomicLong reads, AtomicBoolean reading) {
        while (reading.get()) {
            try (Connection c = maria.adminConnection(); Statement use = c.createStatement()) {
                use.execute("USE `" + cacheDb + "`");
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT pulled), MAX(pulled) FROM f_big WHERE target_id = ?")) {
                    ps.setLong(1, targetId);
                    while (reading.get()) {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            seen.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3));
                            reads.incrementAndGet();
                        }
                        Thread.sleep(20);
                    }
                }
            } catch (SQLException e) {
                sleep(200); // the table is not there yet
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
