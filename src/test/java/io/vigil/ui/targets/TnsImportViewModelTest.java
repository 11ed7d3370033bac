package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Files;
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

/** The tnsnames.ora import dialog's state without a display, on a real embedded store. */
class TnsImportViewModelTest {

    @TempDir
    Path home;

    private ConfigStore store;
    private final List<String> status = new ArrayList<>();
    private TargetsViewModel targets;

    static Path site() {
        try {
            return Path.of(TnsImportViewModelTest.class.getResource("/tns/site/tnsnames.ora").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        targets = new TargetsViewModel(store, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), status::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TnsImportViewModel loaded() {
        targets.reload();
        TnsImportViewModel model = targets.tnsImport(site());
        model.load();
        return model;
    }

    @Test
    void everyAliasIsARowTickedUnlessPresentAndTheUnreadableEntriesAreListedWithLineAndReason() {
        store.saveTarget(new Target(0, "payroll", TargetKind.ORACLE, "", 0, ConnectBy.TNS_ALIAS, "hr", site().getParent().toString(), "vigil",
                Secret.of("pw"), List.of(), true));
        TnsImportViewModel model = loaded();
        assertThat(model.rows()).extracting(TnsImportViewModel.Row::alias, r -> r.selectedProperty().get(), r -> r.stateProperty().get())
                .startsWith(tuple("PROD.EXAMPLE.COM", true, "new"), tuple("legacy", true, "new"),
                        tuple("HR", false, "already present as \u201cpayroll\u201d"), tuple("HR_RO", true, "new"));
        assertThat(model.rows()).hasSize(9);
        assertThat(model.rows().get(1).service(new Messages(Locale.ENGLISH))).isEqualTo("SID LEG8");
        assertThat(model.problems()).hasSize(6).first().asString().isEqualTo("tnsnames.ora line 28: BROKEN: a \u201c)\u201d is missing; the entry ends "
                + "before its parentheses close.");
        assertThat(model.selectedCountProperty().get()).isEqualTo(8);
        assertThat(model.addTextProperty().get()).isEqualTo("Add 8 targets");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    void untickingChangesTheCountAndAddSavesOnlyTheTickedOnesWithTheUserAndTagsForAll() {
        TnsImportViewModel model = loaded();
        model.rows().stream().filter(r -> !r.alias().equals("DG") && !r.alias().equals("legacy")).forEach(r -> r.selectedProperty().set(false));
        assertThat(model.addTextProperty().get()).isEqualTo("Add 2 targets");
        model.userProperty().set(" dbsnmp ");
        model.tagsProperty().set("acme, prod,");
        boolean[] closed = {false};
        model.add(targets::imported, () -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(store.targets()).filteredOn(t -> t.kind() == TargetKind.ORACLE)
                .extracting(Target::name, Target::user, Target::tags, Target::enabled, Target::connectBy)
                .containsExactlyInAnyOrder(tuple("DG", "dbsnmp", List.of("acme", "prod"), true, ConnectBy.TNS_ALIAS),
                        tuple("legacy", "dbsnmp", List.of("acme", "prod"), true, ConnectBy.TNS_ALIAS));
        assertThat(targets.targets()).extracting(Target::name).contains("DG", "legacy");
        assertThat(status).last().isEqualTo("Added 2 targets from tnsnames.ora.");
        assertThat(model.rows()).filteredOn(r -> r.alias().equals("DG")).singleElement()
                .satisfies(r -> assertThat(r.stateProperty().get()).isEqualTo("already present as \u201cDG\u201d"));
        assertThat(model.selectedCountProperty().get()).isZero();
    }

    @Test
    void withoutAUserTheTargetsWaitSwitchedOff() {
        TnsImportViewModel model = loaded();
        model.add(targets::imported, () -> { });
        assertThat(store.targets()).filteredOn(t -> t.kind() == TargetKind.ORACLE).hasSize(9).allSatisfy(t -> {
            assertThat(t.enabled()).isFalse();
            assertThat(t.user()).isEmpty();
        });
    }

    @Test
    void aRefusedTargetKeepsTheDialogOpenWithTheReasonWhileTheOthersAreAdded() {
        TnsImportViewModel model = loaded();
        model.tagsProperty().set("x".repeat(40));
        boolean[] closed = {false};
        List<Target> added = new ArrayList<>();
        model.add(added::addAll, () -> closed[0] = true);
        assertThat(closed[0]).isFalse();
        assertThat(added).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Could not add PROD.EXAMPLE.COM: ");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFileNotCalledTnsnamesOraAsksToBeRenamedAndABinaryFileOnlyHasAProblem() throws Exception {
        Path other = home.resolve("customer.ora");
        Files.copy(site(), other);
        TnsImportViewModel model = targets.tnsImport(other);
        model.load();
        assertThat(model.noticeProperty().get()).contains("copy or rename customer.ora to tnsnames.ora");

        Path binary = home.resolve("dump.ora");
        Files.write(binary, new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2});
        TnsImportViewModel bad = targets.tnsImport(binary);
        bad.load();
        assertThat(bad.rows()).isEmpty();
        assertThat(bad.problems()).containsExactly("dump.ora: dump.ora is not a text file: it holds binary data, not tnsnames entries.");
        assertThat(bad.addTextProperty().get()).isEqualTo("Add no targets");
    }
}
