package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.Main;
import io.vigil.testsupport.LogCapture;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

import picocli.CommandLine;

/**
 * The whole product run with known passwords, logging at DEBUG: import, check, collect (a target that logs in and one
 * whose login is refused), export without passwords, a report, a site pack, the console's target form (a password
 * typed, tested, saved and edited), a master password set and used. Then every
 * file written (inside the site pack's zip too), every log line, and all the commands printed are searched for the
 * passwords: none may hold one.
 */
class SecretsEverywhereIT {

    @TempDir
    Path work;
    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder printed = new StringBuilder();

    @AfterEach
    void restore() {
        MasterPasswordPrompt.env = System::getenv;
        System.clearProperty("vigil.home");
    }

    @Test
    void noPasswordIsWrittenLoggedOrPrintedAnywhere() throws Exception {
        LogCapture log = LogCapture.atDebug();
        Locale locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        MasterPasswordPrompt.env = env::get;
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        List<String> secrets;
        Path home = work.resolve("data");
        try (TestDatabase db = RealServices.mariadb().createDatabase("secrets")) {
            String wrong = db.password() + "-Wr0ng";
            String master = "Master-" + db.password();
            String typed = "Form-" + db.password();
            secrets = List.of(db.password(), wrong, master, typed);
            Path yaml = work.resolve("targets.yaml");
            Files.writeString(yaml, """
                    targets:
                      - {name: shop, kind: MYSQL, host: 127.0.0.1, port: %d, database: %s, user: %s, password: "%s"}
                      - {name: refused, kind: MYSQL, host: 127.0.0.1, port: %d, database: %s, user: %s, password: "%s"}
                    """.formatted(db.port(), db.name(), db.user(), db.password(), db.port(), db.name(), db.user(), wrong));

            assertThat(vigil(home, "import", yaml.toString())).isZero();
            Files.delete(yaml); // the user's own file: not Vigil's to keep clean
            assertThat(vigil(home, "check")).as("the refused login fails the check").isNotZero();
            assertThat(printed).contains("shop");
            assertThat(vigil(home, "collect", "--duration", "25s", "--every", "5")).isZero();
            assertThat(vigil(home, "export", work.resolve("export.yaml").toString())).isZero();
            assertThat(vigil(home, "export")).isZero();
            assertThat(vigil(home, "report", "shop", "--range", "1h", "--out", work.resolve("report.html").toString())).isZero();
            assertThat(vigil(home, "pack-site", "--range", "1h", "--out", work.resolve("site.vigil").toString())).isZero();
            consoleForm(home, db, typed);
            env.put(MasterPasswordPrompt.NEW_ENV, master);
            assertThat(vigil(home, "master-password", "set")).isZero();
            env.clear();
            env.put(MasterPasswordPrompt.ENV, master);
            assertThat(vigil(home, "collect", "--duration", "10s", "--every", "5")).isZero();
            env.put(MasterPasswordPrompt.ENV, master + "x");
            assertThat(vigil(home, "export")).as("a wrong master password").isNotZero();
        } finally {
            log.close();
            System.setErr(err);
            Locale.setDefault(locale);
        }

        List<String> hits = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(work)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files++;
                scan(f.toString(), Files.readAllBytes(f), secrets, hits);
                if (f.getFileName().toString().endsWith(".vigil")) {
                    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            scan(f + "!" + e.getName(), zip.readAllBytes(), secrets, hits);
                        }
                    }
                }
            }
        }
        scan("log lines", String.join("\n", log.lines()).getBytes(StandardCharsets.UTF_8), secrets, hits);
        scan("printed", printed.toString().getBytes(StandardCharsets.UTF_8), secrets, hits);
        scan("stderr", stderr.toByteArray(), secrets, hits);

        assertThat(files).as("the run wrote its stores, spool, logs, export, report and pack").isGreaterThan(8);
        assertThat(log.lines()).as("logged at DEBUG, so the search can find something").hasSizeGreaterThan(200);
        assertThat(printed.toString()).as("the refused login was reported").containsPattern("refused.*(Access denied|login|password)");
        assertThat(hits).as("places holding a password").isEmpty();
        List<String> control = new ArrayList<>();
        scan("control", ("pw=" + secrets.get(2) + ";").getBytes(StandardCharsets.UTF_16LE), secrets, control);
        assertThat(control).as("the search finds a password where there is one (UTF-16 too)").isNotEmpty().containsOnly("control");
    }

    /**
     * The console's target form, as a user fills it: a password typed, "Test connection" refused (it is not the
     * account's), saved; opened again to edit, the form does not hold the password, and leaving it empty keeps it.
     */
    private static void consoleForm(Path home, TestDatabase db, String typed) {
        io.vigil.config.AppDirs dirs = new io.vigil.config.AppDirs(home);
        io.vigil.i18n.Messages messages = new io.vigil.i18n.Messages(Locale.ENGLISH);
        try (io.vigil.config.ConfigStore store = io.vigil.config.ConfigStores.open(io.vigil.config.StoreLocation.embedded(), dirs,
                io.vigil.config.SecretBox.fromKeyFile(dirs));
             io.vigil.target.TargetConnections connections = new io.vigil.target.TargetConnections(new io.vigil.target.DemoOracles())) {
            io.vigil.ui.targets.TargetFormViewModel form = new io.vigil.ui.targets.TargetFormViewModel(null, store.targets(), store,
                    new io.vigil.ui.util.DirectTaskExecutor(), messages).withProber(connections::probe);
            form.nameProperty().set("typed");
            form.kindProperty().set(io.vigil.config.TargetKind.MYSQL);
            form.hostProperty().set("127.0.0.1");
            form.portProperty().set(String.valueOf(db.port()));
            form.databaseProperty().set(db.name());
            form.userProperty().set(db.user());
            form.passwordProperty().set(typed);
            form.testConnection();
            assertThat(form.testPassedProperty().get()).as("the typed password is not the account's: " + form.testResultProperty().get()).isFalse();
            java.util.concurrent.atomic.AtomicReference<io.vigil.config.Target> saved = new java.util.concurrent.atomic.AtomicReference<>();
            form.save(saved::set);
            assertThat(saved.get()).as("saved: " + form.formErrorProperty().get()).isNotNull();
            io.vigil.ui.targets.TargetFormViewModel again = new io.vigil.ui.targets.TargetFormViewModel(saved.get(), store.targets(), store,
                    new io.vigil.ui.util.DirectTaskExecutor(), messages);
            assertThat(again.passwordProperty().get()).as("the edit form does not hold the stored password").isEmpty();
            again.tagsProperty().set("edited");
            again.save(t -> { });
            assertThat(store.target(saved.get().id()).orElseThrow().password().reveal()).as("left empty, the password is kept").isEqualTo(typed);
        }
    }

    private int vigil(Path home, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cl.execute(all);
        printed.append(out).append('\n');
        return exit;
    }

    // As UTF-8 and as UTF-16 (Java's own serialised strings), so no encoding hides a copy.
    private static void scan(String where, byte[] bytes, List<String> secrets, List<String> hits) {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String s : secrets) {
            if (latin.contains(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                    || latin.contains(new String(s.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1))
                    || latin.contains(new String(s.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1))) {
                hits.add(where);
            }
        }
    }
}
