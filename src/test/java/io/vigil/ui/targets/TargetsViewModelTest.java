package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

class TargetsViewModelTest {

    @TempDir
    Path home;

    private ConfigStore store;
    private final List<String> status = new ArrayList<>();
    private TargetsViewModel model;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        model = new TargetsViewModel(store, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), status::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Target target(String name) {
        return new Target(0, name, TargetKind.MYSQL, "db-" + name, 3306, ConnectBy.DATABASE, "app", "", "vigil", Secret.of("pw"),
                List.of("prod"), true);
    }

    @Test
    void reloadShowsWhatTheStoreHolds() {
        Target b = store.saveTarget(target("billing"));
        Target a = store.saveTarget(target("Accounts"));
        model.reload();
        assertThat(model.targets()).containsExactlyInAnyOrder(a, b);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aSavedTargetReplacesItsOldVersionAndTheListStaysSortedByName() {
        Target b = store.saveTarget(target("billing"));
        model.reload();
        model.saved(store.saveTarget(target("Accounts")));
        Target renamed = store.saveTarget(new Target(b.id(), "zeta", b.kind(), b.host(), b.port(), b.connectBy(), b.database(), b.tnsAdmin(),
                b.user(), b.password(), b.tags(), true));
        model.saved(renamed);
        assertThat(model.targets()).extracting(Target::name).containsExactly("Accounts", "zeta");
        assertThat(status).containsExactly("Saved \u201cAccounts\u201d.", "Saved \u201czeta\u201d.");
    }

    @Test
    void deleteRemovesFromTheStoreAndTheList() {
        Target a = store.saveTarget(target("a"));
        Target b = store.saveTarget(target("b"));
        model.reload();
        model.delete(a);
        assertThat(model.targets()).containsExactly(b);
        assertThat(store.targets()).containsExactly(b);
        assertThat(status).containsExactly("Deleted \u201ca\u201d.");
    }

    @Test
    void aStoreThatFailsIsSaidInTheStatusBarAndTheListIsKept() {
        Target a = store.saveTarget(target("a"));
        model.reload();
        store.close();

        model.delete(a);
        assertThat(model.targets()).as("nothing removed that the store did not remove").containsExactly(a);
        assertThat(status).singleElement().asString().startsWith("Could not delete \u201ca\u201d: ").doesNotContain("Exception");

        model.reload();
        assertThat(status).last().asString().startsWith("Could not load the targets: ");
        assertThat(model.targets()).containsExactly(a);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void withoutAStoreNothingIsLoadedAndFormsStillOpen() {
        TargetsViewModel none = new TargetsViewModel(null, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), status::add);
        none.reload();
        assertThat(none.hasStore()).isFalse();
        assertThat(none.targets()).isEmpty();
        assertThat(none.newForm()).isNotNull();
    }
}
