package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.SecretBox;
import io.vigil.config.Secret;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

import picocli.CommandLine;

/** {@code vigil check} and {@code vigil collect} as a person runs them, on a fresh data folder. */
class CommandsTest {

    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void exportThenImportCarriesTheConfigurationAndABadFileChangesNothing() throws Exception {
        Path file = home.resolve("team.yaml");
        Files.writeString(file, "targets:\n  - name: lab\n    kind: DEMO_ORACLE\n    tags: [lab]\n");
        Run imported = run(new ConfigCommands.Import(), "--data-dir", home.toString(), file.toString());
        assertThat(imported.exit()).as(imported.out()).isZero();
        assertThat(imported.out()).contains("targets 1 added, 0 updated");

        Run exported = run(new ConfigCommands.Export(), "--data-dir", home.toString());
        assertThat(exported.exit()).isZero();
        assertThat(exported.out()).contains("name: lab").contains("name: demo").contains("oracle.sessions.active");

        Files.writeString(file, "targets:\n  - name: half-typed\n    kind: MYSQL\n    host: db1\n    port: none\n");
        Run refused = run(new ConfigCommands.Import(), "--data-dir", home.toString(), file.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(run(new ConfigCommands.Export(), "--data-dir", home.toString()).out()).doesNotContain("half-typed"); // not "broken": a job family is
    }

    @Test
    void checkOnAFirstStartFindsTheDemoAndEverythingWorking() {
        Run r = run(new CheckCommand(), "--data-dir", home.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("demo (Demo Oracle demo): connected").contains("mirrors: 36 ok, 0 failed; metrics: 60 ok, 0 failed")
                .contains("mirror ash: skipped, it reads views of the Diagnostics Pack")
                .endsWith("Everything works." + System.lineSeparator());
    }

    @Test
    void checkOnAnEleventhReleaseSkipsTheAlertLogAndSaysWhyInsteadOfAdvisingAGrant() throws Exception {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            io.vigil.config.FirstStart.prepare(store);
            Target demo = store.targets().getFirst();
            store.saveTarget(new Target(demo.id(), demo.name(), demo.kind(), "", 0, ConnectBy.SERVICE_NAME, "11.2", "", "", Secret.empty(),
                    demo.tags(), true));
        }
        Run r = run(new CheckCommand(), "--data-dir", home.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("connected").contains("Demo Oracle 11.2")
                .contains("mirror alert_log: skipped, it needs version 12.2 or later and this server is 11.2.")
                .contains("The alert log is not read on this server: V$DIAG_ALERT_EXT exists from Oracle 12.2 on")
                .contains("mirror pdb_tablespace_usage: skipped, it needs version 12.1 or later and this server is 11.2.")
                .contains("mirrors: 32 ok, 0 failed").contains("skipped here (another version, or an option pack not licensed): 5 mirrors and 4 metrics")
                .doesNotContain("diag_alert_ext TO").endsWith("Everything works." + System.lineSeparator());
    }

    @Test
    void checkSaysPlainlyWhatFailsAndExitsWithOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            store.saveTarget(new Target(0, "gone", TargetKind.MYSQL, "127.0.0.1", closed, ConnectBy.DATABASE, "", "", "vigil", Secret.of("pw"),
                    List.of(), true));
        }
        Run r = run(new CheckCommand(), "--data-dir", home.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("gone (MySQL 127.0.0.1:" + closed + "): FAILED.").contains("Nothing answered there")
                .doesNotContain("Exception").contains("Some checks failed");
    }

    @Test
    void aConfigStoreThatCannotBeReachedIsSaidInTheUsersLanguage() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String store = "jdbc:mysql://127.0.0.1:" + closed + "/vigil";
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.ENGLISH);
            Run english = run(new AlertsCommand(), "--data-dir", home.toString(), "--config-store", store, "--config-store-user", "vigil");
            assertThat(english.exit()).isEqualTo(2);
            assertThat(english.out()).contains("Cannot reach the config store MySQL 127.0.0.1:" + closed + "/vigil")
                    .contains("the connection was refused");
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            Run chinese = run(new AlertsCommand(), "--data-dir", home.toString(), "--config-store", store, "--config-store-user", "vigil");
            assertThat(chinese.exit()).isEqualTo(2);
            assertThat(chinese.out()).contains("无法连接配置库 MySQL 127.0.0.1:" + closed + "/vigil").contains("连接被拒绝");
            for (String out : List.of(english.out(), chinese.out())) {
                assertThat(out).doesNotContain("Exception").doesNotContain("Communications link failure")
                        .doesNotContain("Connection refused").doesNotContain("java.");
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void checkPassesOverASwitchedOffTargetSayingSo() throws Exception {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            io.vigil.config.FirstStart.prepare(store);
            store.saveTarget(new Target(0, "imported", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "",
                    Secret.empty(), List.of(), false));
        }
        Run r = run(new CheckCommand(), "--data-dir", home.toString());
        assertThat(r.out()).contains("imported: switched off, not checked").doesNotContain("imported (");
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void aHeadlessCollectorAlertsThroughAWebhookAndAlertsListsWhatFires() throws Exception {
        java.util.concurrent.BlockingQueue<String> bodies = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            AppDirs dirs = new AppDirs(home);
            try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
                io.vigil.config.FirstStart.prepare(store);
                // the demo always has sessions: a rule with no hold fires on the first value
                store.saveRule(new io.vigil.config.AlertRule(0, "sessions.present", TargetKind.ORACLE, io.vigil.config.RuleType.THRESHOLD,
                        "oracle.sessions.total", java.util.Map.of(), io.vigil.config.Direction.ABOVE, 0.5, 1e9, 0, 0, 3, true,
                        "Fires whenever the instance has a session."));
                store.saveChannel(new io.vigil.config.ChannelDef(0, "ops hook", io.vigil.config.ChannelType.WEBHOOK,
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "", Secret.empty(), "", List.of(),
                        io.vigil.config.Severity.WARN, 0, true, true));
            }
            Run collected = run(new CollectCommand(), "--data-dir", home.toString(), "--duration", "30s", "--every", "10");
            assertThat(collected.exit()).as(collected.out()).isZero();

            String body = bodies.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(body).as("the webhook got nothing; collect printed:%n%s", collected.out()).isNotNull();
            assertThat(body).contains("sessions.present").contains("demo");

            Run listed = run(new AlertsCommand(), "--data-dir", home.toString());
            assertThat(listed.exit()).as(listed.out()).isEqualTo(1);
            assertThat(listed.out()).contains("FIRING").contains("sessions.present").contains("demo");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void collectPrintsAStatusLinePerCycleAndStopsAfterItsDuration() {
        long start = System.nanoTime();
        Run r = run(new CollectCommand(), "--data-dir", home.toString(), "--duration", "7s", "--every", "3");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(30);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("Collecting from 1 targets");
        assertThat(lines).filteredOn(l -> l.matches("\\d\\d:\\d\\d:\\d\\d ok \\d+ .*")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d ok [1-9]\\d* .*"));
        assertThat(lines.getLast()).startsWith("Stopped; p99 schedule lag");
    }

    @Test
    void aDurationThatIsNotOneIsAUsageError() {
        Run r = run(new CollectCommand(), "--data-dir", home.toString(), "--duration", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("“soon” is not a duration").doesNotContain("\tat ");
    }

    @Test
    void collectFromAYamlFileOfTargets() throws Exception {
        Path file = home.resolve("targets.yaml");
        java.nio.file.Files.writeString(file, """
                targets:
                  - name: lab-demo
                    kind: DEMO_ORACLE
                    tags: [lab]
                """);
        Run r = run(new CollectCommand(), "--data-dir", home.toString(), "--config", file.toString(), "--duration", "5s", "--every", "2");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Collecting from 1 targets");
        assertThat(r.out().lines()).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d ok [1-9]\\d* .*"));
    }

    @Test
    void aYamlFileThatDoesNotParseOrBreaksARuleIsRefusedSayingWhere() throws Exception {
        Path broken = home.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, "targets:\n  - name: x\n    kind: ORACLE\n    port: soon\n");
        Run r = run(new CollectCommand(), "--data-dir", home.toString(), "--config", broken.toString(), "--duration", "1s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("broken.yaml: line 4, port: a whole number from 1 to 65535 is needed, not \u201csoon\u201d.")
                .doesNotContain("\tat ");

        Path invalid = home.resolve("invalid.yaml");
        java.nio.file.Files.writeString(invalid, "targets:\n  - name: prod\n    kind: ORACLE\n    host: db1\n    port: 99999\n    service: X\n    user: vigil\n");
        r = run(new CollectCommand(), "--data-dir", home.toString(), "--config", invalid.toString(), "--duration", "1s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("target “prod”: port: The port must be between 1 and 65535 (it is 99999).");
    }
}
