package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

class TargetFormViewModelTest {

    @TempDir
    Path home;
    ConfigStore store;
    final Messages messages = new Messages(Locale.ENGLISH);

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
    }

    @AfterEach
    void close() {
        store.close();
    }

    TargetFormViewModel newForm() {
        return new TargetFormViewModel(null, store.targets(), store, new DirectTaskExecutor(), messages);
    }

    void fillOracle(TargetFormViewModel f) {
        f.nameProperty().set("prod-db");
        f.hostProperty().set("db1.example.com");
        f.databaseProperty().set("ORCLPDB1");
        f.userProperty().set("vigil");
        f.passwordProperty().set("tiger");
        f.tagsProperty().set("prod, billing");
    }

    @Test
    void aNewFormIsInvalidUntilFilledAndThenSaves() {
        TargetFormViewModel f = newForm();
        assertThat(f.validProperty().get()).isFalse();
        assertThat(f.problemProperty("name").get()).isEqualTo("A name is required.");
        fillOracle(f);
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.problemProperty("name").get()).isEmpty();

        AtomicReference<Target> saved = new AtomicReference<>();
        f.save(saved::set);
        assertThat(saved.get().id()).isPositive();
        assertThat(saved.get().tags()).containsExactly("prod", "billing");
        assertThat(store.targets()).extracting(Target::name).containsExactly("prod-db");
    }

    @Test
    void aPortThatIsNotANumberIsReportedNextToThePortField() {
        TargetFormViewModel f = newForm();
        fillOracle(f);
        f.portProperty().set("15x21");
        assertThat(f.problemProperty("port").get()).isEqualTo("The port must be a number (“15x21” is not).");
        assertThat(f.validProperty().get()).isFalse();
        f.portProperty().set("70000");
        assertThat(f.problemProperty("port").get()).contains("between 1 and 65535");
        f.portProperty().set("1522");
        assertThat(f.validProperty().get()).isTrue();
    }

    @Test
    void aTakenNameIsRefusedBeforeSaving() {
        TargetFormViewModel first = newForm();
        fillOracle(first);
        first.save(t -> { });
        TargetFormViewModel second = newForm();
        fillOracle(second);
        second.nameProperty().set("PROD-DB");
        assertThat(second.problemProperty("name").get()).contains("already exists");
        assertThat(second.validProperty().get()).isFalse();
    }

    @Test
    void choosingAKindBringsItsPortAndConnectModeButKeepsATypedPort() {
        TargetFormViewModel f = newForm();
        assertThat(f.portProperty().get()).isEqualTo("1521");
        f.kindProperty().set(TargetKind.POSTGRES);
        assertThat(f.portProperty().get()).isEqualTo("5432");
        assertThat(f.connectByProperty().get()).isEqualTo(ConnectBy.DATABASE);
        f.portProperty().set("6543");
        f.kindProperty().set(TargetKind.MYSQL);
        assertThat(f.portProperty().get()).isEqualTo("6543");
        f.kindProperty().set(TargetKind.ORACLE);
        assertThat(f.connectByProperty().get()).isEqualTo(ConnectBy.SERVICE_NAME);
    }

    @Test
    void theDemoNeedsOnlyAName() {
        TargetFormViewModel f = newForm();
        f.kindProperty().set(TargetKind.DEMO_ORACLE);
        f.nameProperty().set("demo");
        assertThat(f.networked()).isFalse();
        assertThat(f.validProperty().get()).isTrue();
    }

    @Test
    void editingKeepsTheStoredPasswordUnlessRetyped() {
        TargetFormViewModel f = newForm();
        fillOracle(f);
        AtomicReference<Target> saved = new AtomicReference<>();
        f.save(saved::set);

        TargetFormViewModel edit = new TargetFormViewModel(saved.get(), store.targets(), store, new DirectTaskExecutor(), messages);
        assertThat(edit.passwordProperty().get()).as("the password is never shown back").isEmpty();
        assertThat(edit.validProperty().get()).as("its own name is not 'taken'").isTrue();
        edit.hostProperty().set("db2.example.com");
        edit.save(saved::set);
        assertThat(store.targets().getFirst().password().reveal()).isEqualTo("tiger");
        assertThat(store.targets().getFirst().host()).isEqualTo("db2.example.com");

        TargetFormViewModel retype = new TargetFormViewModel(saved.get(), store.targets(), store, new DirectTaskExecutor(), messages);
        retype.passwordProperty().set("lion");
        retype.save(saved::set);
        assertThat(store.targets().getFirst().password().reveal()).isEqualTo("lion");
    }

    @Test
    void aStoreFailureLandsInTheFormAndTheFormStaysOpen() {
        TargetFormViewModel f = newForm();
        fillOracle(f);
        store.close(); // the store goes away between opening the form and saving
        AtomicReference<Target> saved = new AtomicReference<>();
        f.save(saved::set);
        assertThat(saved.get()).isNull();
        assertThat(f.formErrorProperty().get()).contains("config store").doesNotContain("Exception:");
        assertThat(f.savingProperty().get()).isFalse();
        open(); // for @AfterEach
    }

    @Test
    void problemsAreWordedInChineseWhenTheConsoleIs() {
        TargetFormViewModel f = new TargetFormViewModel(null, List.of(), store, new DirectTaskExecutor(), new Messages(Locale.SIMPLIFIED_CHINESE));
        assertThat(f.problemProperty("name").get()).isEqualTo("名称不能为空。");
    }

    @Test
    void testConnectionSaysInWordsWhyATargetCannotBeReachedAndSavesNothing() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort(); // free once closed: nothing listens there
        }
        try (io.vigil.target.TargetConnections connections = new io.vigil.target.TargetConnections(new io.vigil.target.DemoOracles())) {
            TargetFormViewModel f = newForm().withProber(connections::probe);
            f.nameProperty().set("billing");
            f.kindProperty().set(TargetKind.MYSQL);
            f.hostProperty().set("127.0.0.1");
            f.portProperty().set(String.valueOf(closed));
            f.databaseProperty().set("billing");
            f.userProperty().set("vigil");
            f.passwordProperty().set("secret");
            f.testConnection();
            assertThat(f.testingProperty().get()).isFalse();
            assertThat(f.testPassedProperty().get()).isFalse();
            assertThat(f.testResultProperty().get()).contains("127.0.0.1:" + closed).doesNotContain("Exception").doesNotContain("secret");
            assertThat(store.targets()).isEmpty();

            f.kindProperty().set(TargetKind.DEMO_ORACLE);
            f.testConnection();
            assertThat(f.testPassedProperty().get()).as(f.testResultProperty().get()).isTrue();
            assertThat(f.testResultProperty().get()).startsWith("Connected").contains("ms");
        }
    }

    @Test
    void withoutACollectorTheTestSaysItCannotRunHere() {
        TargetFormViewModel f = newForm();
        fillOracle(f);
        f.testConnection();
        assertThat(f.testResultProperty().get()).contains("collector is not running");
    }

    @Test
    void tlsIsChosenPerKindWithACaFileTheFormChecksAndTheStoreKeeps() throws Exception {
        TargetFormViewModel f = newForm();
        fillOracle(f);
        f.kindProperty().set(TargetKind.POSTGRES);
        f.databaseProperty().set("app");
        assertThat(TargetFormViewModel.tlsModes(TargetKind.POSTGRES)).containsExactly(io.vigil.config.TlsMode.values());
        assertThat(TargetFormViewModel.tlsLabel(TargetKind.POSTGRES, io.vigil.config.TlsMode.VERIFY_FULL, messages)).startsWith("verify-full");
        assertThat(TargetFormViewModel.tlsLabel(TargetKind.MYSQL, io.vigil.config.TlsMode.VERIFY_FULL, messages)).startsWith("VERIFY_IDENTITY");
        assertThat(TargetFormViewModel.tlsLabel(TargetKind.ORACLE, io.vigil.config.TlsMode.VERIFY_CA, messages)).startsWith("TCPS");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).get("tls.mode.POSTGRES.VERIFY_FULL")).startsWith("verify-full").contains("主机");

        f.tlsModeProperty().set(io.vigil.config.TlsMode.VERIFY_FULL);
        f.tlsCaFileProperty().set(home.resolve("no-such-ca.pem").toString());
        assertThat(f.validProperty().get()).isFalse();
        assertThat(f.problemProperty("tlsCaFile").get()).startsWith("The CA file").contains("does not exist");

        java.nio.file.Path notCert = java.nio.file.Files.writeString(home.resolve("notes.pem"), "hello\n");
        f.tlsCaFileProperty().set(notCert.toString());
        assertThat(f.problemProperty("tlsCaFile").get()).contains("holds no certificate");

        f.tlsCaFileProperty().set(home.toString());
        assertThat(f.problemProperty("tlsCaFile").get()).as("a folder is an Oracle wallet only").contains("wallet folder");

        java.nio.file.Path ca = java.nio.file.Path.of(getClass().getResource("/tls/ca.pem").toURI());
        f.tlsCaFileProperty().set(ca.toString());
        assertThat(f.problemProperty("tlsCaFile").get()).isEmpty();
        assertThat(f.validProperty().get()).isTrue();

        AtomicReference<Target> saved = new AtomicReference<>();
        f.save(saved::set);
        Target stored = store.targets().getFirst();
        assertThat(stored.tls()).isEqualTo(io.vigil.config.Tls.of(io.vigil.config.TlsMode.VERIFY_FULL, ca.toString()));
        TargetFormViewModel again = new TargetFormViewModel(stored, store.targets(), store, new DirectTaskExecutor(), messages);
        assertThat(again.tlsModeProperty().get()).isEqualTo(io.vigil.config.TlsMode.VERIFY_FULL);
        assertThat(again.tlsCaFileProperty().get()).isEqualTo(ca.toString());

        // Oracle has no separate "require" (its driver always checks the CA) and takes a wallet folder
        again.tlsModeProperty().set(io.vigil.config.TlsMode.REQUIRE);
        again.kindProperty().set(TargetKind.ORACLE);
        assertThat(again.tlsModeProperty().get()).isEqualTo(io.vigil.config.TlsMode.VERIFY_CA);
        again.tlsCaFileProperty().set(home.toString());
        assertThat(again.problemProperty("tlsCaFile").get()).isEmpty();
        // the demo has nothing to encrypt
        again.kindProperty().set(TargetKind.DEMO_ORACLE);
        assertThat(again.tlsModeProperty().get()).isEqualTo(io.vigil.config.TlsMode.OFF);
    }
}
