package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.TargetKind;

class MirrorFormViewModelTest {

    @TempDir
    Path home;
    StoreFixture fx;
    DefinitionsViewModel model;

    @BeforeEach
    void open() {
        fx = new StoreFixture(home);
        model = fx.model(null);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    void fill(MirrorFormViewModel f) {
        f.nameProperty().set("sga_dynamic");
        f.sqlProperty().set("SELECT component, current_size FROM v$sga_dynamic_components");
        f.intervalProperty().set("300");
        f.rowCapProperty().set("100");
    }

    @Test
    void aNewMirrorIsInvalidUntilFilledAndItsTableFollowsItsName() {
        MirrorFormViewModel f = model.newMirrorForm();
        assertThat(f.validProperty().get()).isFalse();
        assertThat(f.problemProperty("name").get()).isEqualTo("A name is required.");
        assertThat(f.problemProperty("sql").get()).isEqualTo("SQL is required.");
        fill(f);
        assertThat(f.cacheTableProperty().get()).isEqualTo("ora_sga_dynamic");
        assertThat(f.validProperty().get()).isTrue();

        AtomicReference<MirrorDef> saved = new AtomicReference<>();
        f.save(saved::set);
        assertThat(saved.get().id()).isPositive();
        MirrorDef stored = fx.mirror("sga_dynamic");
        assertThat(stored.cacheTable()).isEqualTo("ora_sga_dynamic");
        assertThat(stored.intervalSeconds()).isEqualTo(300);
        assertThat(stored.rowCap()).isEqualTo(100);
    }

    @Test
    void theAlertLogMirrorSaysUnderItsVersionThatAnElderOracleHasNoAlertLogEvents() {
        MirrorFormViewModel f = model.editMirrorForm(fx.mirror("alert_log"));
        var note = f.versionNote();
        assertThat(note.get()).startsWith("Servers older than 12.2 skip this mirror")
                .contains("On those servers (11g) Vigil shows no alert-log events");

        MirrorFormViewModel other = model.editMirrorForm(fx.mirror("instance"));
        assertThat(other.versionNote().get()).isEmpty();
        other.minVersionProperty().set("12.1");
        assertThat(other.versionNote().get()).startsWith("Servers older than 12.1 skip this mirror").doesNotContain("alert-log");
        other.minVersionProperty().set("");
        assertThat(other.versionNote().get()).isEmpty();
    }

    @Test
    void editingAMirrorKeepsItsVersionVariantsListsThemAndSavesItsColumnsAndLicence() {
        MirrorDef replica = fx.mirror("replica");
        assertThat(replica.variants()).hasSize(3);
        MirrorFormViewModel f = model.editMirrorForm(replica);
        assertThat(f.variantsNote()).contains("(3)").contains("8.0.22 \u2013: SHOW REPLICA STATUS");
        assertThat(f.columnsProperty().get()).startsWith("slave_io_state, master_host");
        f.descriptionProperty().set("Replication state, watched by the night shift.");
        f.licenceProperty().set(io.vigil.config.LicensedPack.TUNING);
        AtomicReference<MirrorDef> saved = new AtomicReference<>();
        f.save(saved::set);
        MirrorDef stored = fx.mirror("replica");
        assertThat(stored.variants()).isEqualTo(replica.variants());
        assertThat(stored.columns()).isEqualTo(replica.columns());
        assertThat(stored.licence()).isEqualTo(io.vigil.config.LicensedPack.TUNING);
        assertThat(stored.description()).isEqualTo("Replication state, watched by the night shift.");

        f = model.editMirrorForm(stored);
        f.columnsProperty().set("slave_io_running, not a column");
        assertThat(f.problemProperty("columns").get()).contains("not");
        assertThat(f.validProperty().get()).isFalse();
    }

    @Test
    void aTableTheUserTypedIsNotOverwrittenAndAKindBringsItsPrefix() {
        MirrorFormViewModel f = model.newMirrorForm();
        f.kindProperty().set(TargetKind.POSTGRES);
        f.nameProperty().set("locks");
        assertThat(f.cacheTableProperty().get()).isEqualTo("pg_locks");
        f.cacheTableProperty().set("pg_lock_waits");
        f.nameProperty().set("lock_waits");
        assertThat(f.cacheTableProperty().get()).isEqualTo("pg_lock_waits");
    }

    @Test
    void anIntervalThatIsNotANumberKeepsSaveDisabledAndNothingIsSaved() {
        MirrorFormViewModel f = model.newMirrorForm();
        fill(f);
        f.intervalProperty().set("15s");
        assertThat(f.problemProperty("intervalSeconds").get()).isEqualTo("Write a whole number (\u201c15s\u201d is not one).");
        assertThat(f.validProperty().get()).isFalse();
        int before = fx.store.mirrors().size();
        f.save(m -> { });
        assertThat(fx.store.mirrors()).hasSize(before);
        f.intervalProperty().set("0");
        assertThat(f.problemProperty("intervalSeconds").get()).isEqualTo("The interval must be at least 1 second.");
        f.intervalProperty().set("15");
        assertThat(f.validProperty().get()).isTrue();
    }

    @Test
    void appendModeNeedsAWatermarkColumn() {
        MirrorFormViewModel f = model.newMirrorForm();
        fill(f);
        f.modeProperty().set(MirrorMode.APPEND);
        assertThat(f.problemProperty("watermarkColumn").get()).contains("watermark column");
        assertThat(f.validProperty().get()).isFalse();
        f.watermarkColumnProperty().set("RECORD_ID");
        assertThat(f.validProperty().get()).isTrue();
        f.modeProperty().set(MirrorMode.REPLACE);
        assertThat(f.toMirror().watermarkColumn()).as("replace mode keeps no watermark").isEmpty();
    }

    @Test
    void aNameOrTableTakenWithinTheKindIsRefused() {
        MirrorFormViewModel f = model.newMirrorForm();
        fill(f);
        f.nameProperty().set("SYSSTAT");
        assertThat(f.problemProperty("name").get()).isEqualTo("A mirror named \u201cSYSSTAT\u201d already exists for this kind of database.");
        assertThat(f.problemProperty("cacheTable").get()).contains("already writes to");
        assertThat(f.validProperty().get()).isFalse();
        f.kindProperty().set(TargetKind.MYSQL);
        assertThat(f.problemProperty("name").get()).as("another kind may use the name").isEmpty();
    }

    @Test
    void anEditIsSavedAndReloaded() {
        MirrorFormViewModel f = model.editMirrorForm(fx.mirror("sysstat"));
        assertThat(f.isNew()).isFalse();
        assertThat(f.validProperty().get()).as("its own name is not taken").isTrue();
        f.intervalProperty().set("30");
        f.minVersionProperty().set("12.2");
        f.save(model::mirrorSaved);
        assertThat(fx.mirror("sysstat").intervalSeconds()).isEqualTo(30);
        assertThat(fx.mirror("sysstat").minVersion()).isEqualTo("12.2");
        assertThat(fx.changes).as("the collector is told").isEqualTo(1);

        DefinitionsViewModel reloaded = fx.model(null);
        MirrorDef shown = reloaded.mirrors().stream().filter(m -> m.name().equals("sysstat")).findFirst().orElseThrow();
        assertThat(shown.intervalSeconds()).isEqualTo(30);
    }

    @Test
    void renamingAMirrorThatMetricsReadSaysTheyFollowWithoutRefusing() {
        MirrorFormViewModel f = model.editMirrorForm(fx.mirror("sysstat"));
        assertThat(f.renameWarningProperty().get()).isEmpty();
        f.nameProperty().set("sysstat2");
        assertThat(f.renameWarningProperty().get()).startsWith("The metric reading \u201csysstat\u201d (oracle.sysstat.rate) will read it under the new name.");
        assertThat(f.validProperty().get()).isTrue();

        f.save(model::mirrorSaved);
        assertThat(fx.store.metrics()).filteredOn(m -> m.name().equals("oracle.sysstat.rate")).singleElement()
                .satisfies(m -> assertThat(m.mirrors()).containsExactly("sysstat2"));
        assertThat(model.metrics()).filteredOn(m -> m.name().equals("oracle.sysstat.rate")).singleElement()
                .as("the metrics table shows it at once").satisfies(m -> assertThat(m.mirrors()).containsExactly("sysstat2"));
    }

    @Test
    void aDescriptionLongerThanTheStoreHoldsIsRefusedNextToIt() {
        MirrorFormViewModel f = model.newMirrorForm();
        fill(f);
        f.descriptionProperty().set("x".repeat(1001));
        assertThat(f.problemProperty("description").get()).contains("at most 1000 characters");
        assertThat(f.validProperty().get()).isFalse();
    }

    @Test
    void aStoreFailureLandsInTheFormInWords() {
        MirrorFormViewModel f = model.newMirrorForm();
        fill(f);
        fx.store.close();
        AtomicReference<MirrorDef> saved = new AtomicReference<>();
        f.save(saved::set);
        assertThat(saved.get()).isNull();
        assertThat(f.formErrorProperty().get()).contains("config store").doesNotContain("Exception");
        assertThat(f.savingProperty().get()).isFalse();
        fx = new StoreFixture(home);
    }

    @Test
    void aDuplicateIsACopyUnderAFreeNameAndTable() {
        MirrorFormViewModel copy = model.duplicateMirrorForm(fx.mirror("sysstat"));
        assertThat(copy.isNew()).isTrue();
        assertThat(copy.nameProperty().get()).isEqualTo("sysstat_copy");
        assertThat(copy.cacheTableProperty().get()).isEqualTo("ora_sysstat_copy");
        assertThat(copy.sqlProperty().get()).isEqualTo(fx.mirror("sysstat").sql());
        assertThat(copy.validProperty().get()).isTrue();
        copy.save(model::mirrorSaved);
        assertThat(fx.store.mirrors()).extracting(MirrorDef::name).contains("sysstat", "sysstat_copy");
        assertThat(model.duplicateMirrorForm(fx.mirror("sysstat")).nameProperty().get()).isEqualTo("sysstat_copy2");
        assertThat(List.copyOf(model.mirrors())).extracting(MirrorDef::name).contains("sysstat_copy");
    }
}
