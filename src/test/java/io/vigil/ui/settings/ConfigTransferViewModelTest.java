package io.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.SecretBox;
import io.vigil.config.Secret;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

class ConfigTransferViewModelTest {

    @TempDir
    Path home;
    @TempDir
    Path files;
    ConfigStore store;
    final AtomicInteger imports = new AtomicInteger();
    ConfigTransferViewModel model;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        FirstStart.prepare(store);
        store.saveTarget(new Target(0, "prod-db", TargetKind.ORACLE, "db1", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil",
                Secret.of("tiger"), List.of("prod"), true));
        model = new ConfigTransferViewModel(store, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), imports::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exportsWithoutPasswordsByDefaultAndWithThemOnlyIntoAnOwnerOnlyFile() throws Exception {
        Path plain = files.resolve("plain.yaml");
        model.exportTo(plain);
        assertThat(model.resultOkProperty().get()).as(model.resultProperty().get()).isTrue();
        assertThat(model.resultProperty().get()).contains("2 targets").contains("without passwords");
        assertThat(Files.readString(plain, StandardCharsets.UTF_8)).contains("prod-db").doesNotContain("tiger");

        Path secret = files.resolve("secret.yaml");
        model.withPasswordsProperty().set(true);
        model.exportTo(secret);
        assertThat(Files.readString(secret, StandardCharsets.UTF_8)).contains("tiger");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void aBadFileIsRefusedWithLineAndReasonAndNothingReloads() throws Exception {
        Path bad = files.resolve("bad.yaml");
        Files.writeString(bad, "targets:\n  - name: x\n    kind: MYSQL\n    port: lots\n");
        model.importFrom(bad);
        assertThat(model.resultOkProperty().get()).isFalse();
        assertThat(model.resultProperty().get()).startsWith("Nothing was imported.").contains("bad.yaml: line 4");
        assertThat(imports).hasValue(0);
        assertThat(store.targets()).extracting(Target::name).containsExactlyInAnyOrder("demo", "prod-db");

        Path good = files.resolve("good.yaml");
        Files.writeString(good, "targets:\n  - name: lab\n    kind: DEMO_ORACLE\n    tags: [lab]\n");
        model.importFrom(good);
        assertThat(model.resultProperty().get()).contains("targets 1 added, 0 updated");
        assertThat(imports).hasValue(1);
        assertThat(store.targets()).extracting(Target::name).contains("lab");
    }
}
