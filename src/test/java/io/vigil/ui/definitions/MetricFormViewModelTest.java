package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.TargetKind;

class MetricFormViewModelTest {

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

    static void fill(MetricFormViewModel f) {
        f.nameProperty().set("oracle.sessions.inactive");
        f.mirrorChosenProperty("session").set(true);
        f.unitProperty().set("sessions");
        f.sqlProperty().set("SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ? AND status = 'INACTIVE'");
    }

    @Test
    void theKindsMirrorsAreOfferedAndTheirGrantsBecomeThePrivileges() {
        MetricFormViewModel f = model.newMetricForm();
        assertThat(f.availableMirrors()).contains("session", "sysstat").doesNotContain("global_status");
        assertThat(f.privilegesProperty().get()).isEmpty();
        f.mirrorChosenProperty("session").set(true);
        f.mirrorChosenProperty("lock").set(true);
        assertThat(f.chosenMirrors()).containsExactly("session", "lock");
        assertThat(f.privilegesProperty().get()).isEqualTo("GRANT SELECT ON sys.v_$session TO {user}\nGRANT SELECT ON sys.v_$lock TO {user}");
        assertThat(f.privilegesNoteProperty().get()).isEmpty();

        f.kindProperty().set(TargetKind.MYSQL);
        assertThat(f.availableMirrors()).contains("global_status").doesNotContain("session");
        assertThat(f.chosenMirrors()).as("Oracle's mirrors do not carry over").isEmpty();
        assertThat(f.problemProperty("mirrors").get()).isEqualTo("Name at least one mirror whose tables the SQL reads.");
    }

    @Test
    void aMirrorFromNoPackHasNoKnownGrantsAndTheFormSaysSo() {
        MirrorFormViewModel mirror = model.newMirrorForm();
        mirror.nameProperty().set("custom");
        mirror.sqlProperty().set("SELECT 1 AS one FROM dual");
        mirror.save(model::mirrorSaved);
        MetricFormViewModel f = model.newMetricForm();
        f.mirrorChosenProperty("custom").set(true);
        assertThat(f.privilegesProperty().get()).isEmpty();
        assertThat(f.privilegesNoteProperty().get()).startsWith("Grants not known for custom");
    }

    @Test
    void anInvalidIntervalKeepsSaveDisabledAndNothingIsSavedUntilFixed() {
        MetricFormViewModel f = model.newMetricForm();
        fill(f);
        f.intervalProperty().set("abc");
        assertThat(f.problemProperty("intervalSeconds").get()).isEqualTo("Write a whole number (\u201cabc\u201d is not one).");
        assertThat(f.validProperty().get()).isFalse();
        int before = fx.store.metrics().size();
        f.save(model::metricSaved);
        assertThat(fx.store.metrics()).hasSize(before);

        f.intervalProperty().set("30");
        assertThat(f.problemProperty("intervalSeconds").get()).isEmpty();
        assertThat(f.validProperty().get()).isTrue();
        f.save(model::metricSaved);
        MetricDef stored = fx.metric("oracle.sessions.inactive");
        assertThat(stored.intervalSeconds()).isEqualTo(30);
        assertThat(stored.mirrors()).containsExactly("session");
        assertThat(stored.privileges()).isEqualTo("GRANT SELECT ON sys.v_$session TO {user}");
        assertThat(model.metrics()).extracting(MetricDef::name).contains("oracle.sessions.inactive");
        assertThat(fx.changes).isEqualTo(1);
    }

    @Test
    void thresholdsAreNumbersOrEmpty() {
        MetricFormViewModel f = model.newMetricForm();
        fill(f);
        f.warnProperty().set("eighty");
        assertThat(f.problemProperty("warn").get()).isEqualTo("\u201ceighty\u201d is not a number: write one such as 80 or 0.5, or leave it empty.");
        assertThat(f.validProperty().get()).isFalse();
        f.warnProperty().set("80");
        f.critProperty().set("95.5");
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.toMetric().warn()).isEqualTo(80.0);
        assertThat(f.toMetric().crit()).isEqualTo(95.5);
        f.critProperty().set("");
        assertThat(f.toMetric().crit()).isNull();
    }

    @Test
    void aNameTakenWithinTheKindIsRefused() {
        MetricFormViewModel f = model.newMetricForm();
        fill(f);
        f.nameProperty().set("oracle.sessions.total");
        assertThat(f.problemProperty("name").get()).contains("already exists");
        assertThat(f.validProperty().get()).isFalse();
    }

    @Test
    void anEditKeepsItsPrivilegesAndIsSavedAndReloaded() {
        MetricDef active = fx.metric("oracle.sessions.active");
        MetricFormViewModel f = model.editMetricForm(active);
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.warnProperty().get()).as("the pack keeps levels in its alert rules, not in the metric").isEmpty();
        assertThat(f.privilegesProperty().get()).isEqualTo(active.privileges());
        f.warnProperty().set("40");
        f.typeProperty().set(MetricType.GAUGE);
        f.save(model::metricSaved);
        assertThat(fx.metric("oracle.sessions.active").warn()).isEqualTo(40.0);
        assertThat(fx.model(null).metrics().stream().filter(m -> m.name().equals("oracle.sessions.active")).findFirst().orElseThrow().warn())
                .isEqualTo(40.0);
    }

    @Test
    void labelColumnsAreAListAndBadOnesAreNamed() {
        MetricFormViewModel f = model.newMetricForm();
        fill(f);
        f.labelColumnsProperty().set("wait_class,  state");
        assertThat(f.toMetric().labelColumns()).containsExactly("wait_class", "state");
        f.labelColumnsProperty().set("wait_class, 1state");
        assertThat(f.problemProperty("labelColumns").get()).isEqualTo("\u201c1state\u201d is not a valid column name.");
    }

    @Test
    void aDuplicateIsACopyUnderAFreeName() {
        MetricFormViewModel copy = model.duplicateMetricForm(fx.metric("oracle.sessions.active"));
        assertThat(copy.isNew()).isTrue();
        assertThat(copy.nameProperty().get()).isEqualTo("oracle.sessions.active_copy");
        assertThat(copy.chosenMirrors()).containsExactly("session");
        assertThat(copy.validProperty().get()).isTrue();
        copy.save(model::metricSaved);
        assertThat(fx.store.metrics()).extracting(MetricDef::name).contains("oracle.sessions.active", "oracle.sessions.active_copy");
    }

    @Test
    void withoutACollectorTestingSaysItNeedsOneAndTheFormStillSaves() {
        MetricFormViewModel f = model.newMetricForm();
        fill(f);
        f.test();
        assertThat(f.tester().summaryProperty().get()).startsWith("Testing needs the collector");
        assertThat(f.tester().failedProperty().get()).isTrue();
        AtomicReference<MetricDef> saved = new AtomicReference<>();
        f.save(saved::set);
        assertThat(saved.get()).isNotNull();
    }
}
