package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.TargetKind;
import io.vigil.ui.util.DirectTaskExecutor;

class DefinitionsViewModelTest {

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

    @Test
    void loadsEveryDefinitionOfTheStoreSortedByName() {
        assertThat(model.mirrors()).hasSize(fx.store.mirrors().size());
        assertThat(model.metrics()).hasSize(fx.store.metrics().size());
        assertThat(model.mirrors()).extracting(MirrorDef::kind).contains(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES);
        assertThat(model.metrics()).extracting(MetricDef::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void filtersByKindAndByText() {
        model.kindFilterProperty().set(TargetKind.MYSQL);
        assertThat(model.visibleMirrors()).isNotEmpty().allSatisfy(m -> assertThat(m.kind()).isEqualTo(TargetKind.MYSQL));
        assertThat(model.visibleMetrics()).isNotEmpty().allSatisfy(m -> assertThat(m.kind()).isEqualTo(TargetKind.MYSQL));

        model.kindFilterProperty().set(null);
        model.textFilterProperty().set("V$SYSSTAT");
        assertThat(model.visibleMirrors()).extracting(MirrorDef::name).containsExactly("sysstat"); // found in its SQL
        model.textFilterProperty().set("ora_tablespace_usage");
        assertThat(model.visibleMetrics()).extracting(MetricDef::name).containsExactly("oracle.tablespace.size_bytes", "oracle.tablespace.used_bytes",
                "oracle.tablespace.used_pct"); // each found in its SQL
        model.textFilterProperty().set("");
        assertThat(model.visibleMirrors()).hasSize(model.mirrors().size());
    }

    @Test
    void aNewFormStartsOnTheKindShown() {
        model.kindFilterProperty().set(TargetKind.POSTGRES);
        assertThat(model.newMirrorForm().kindProperty().get()).isEqualTo(TargetKind.POSTGRES);
        assertThat(model.newMetricForm().kindProperty().get()).isEqualTo(TargetKind.POSTGRES);
    }

    @Test
    void deletingRemovesFromStoreAndListAndTellsTheCollector() {
        MetricDef blocked = fx.metric("oracle.sessions.blocked");
        model.deleteMetric(blocked);
        assertThat(fx.store.metrics()).extracting(MetricDef::name).doesNotContain("oracle.sessions.blocked");
        assertThat(model.metrics()).extracting(MetricDef::name).doesNotContain("oracle.sessions.blocked");
        assertThat(fx.status).last().isEqualTo("Deleted metric \u201coracle.sessions.blocked\u201d.");

        model.deleteMirror(fx.mirror("longops"));
        assertThat(fx.store.mirrors()).extracting(MirrorDef::name).doesNotContain("longops");
        assertThat(model.mirrors()).extracting(MirrorDef::name).doesNotContain("longops");
        assertThat(fx.changes).isEqualTo(2);
    }

    @Test
    void aFailedDeleteIsReportedAndTheRowStays() {
        MirrorDef lock = fx.mirror("lock");
        fx.store.close();
        model.deleteMirror(lock);
        assertThat(model.mirrors()).contains(lock);
        assertThat(fx.status).last().asString().startsWith("Could not delete \u201clock\u201d:").doesNotContain("Exception");
        assertThat(fx.changes).isZero();
        fx = new StoreFixture(home);
    }

    @Test
    void switchingOffIsSavedAndTellsTheCollector() {
        model.setEnabled(fx.metric("oracle.host.load"), false);
        assertThat(fx.metric("oracle.host.load").enabled()).isFalse();
        assertThat(model.metrics().stream().filter(m -> m.name().equals("oracle.host.load")).findFirst().orElseThrow().enabled()).isFalse();
        model.setEnabled(fx.mirror("osstat"), false);
        assertThat(fx.mirror("osstat").enabled()).isFalse();
        model.setEnabled(fx.mirror("osstat"), true);
        assertThat(fx.mirror("osstat").enabled()).isTrue();
        assertThat(fx.changes).isEqualTo(3);
    }

    @Test
    void namesTheMetricsAMirrorFeeds() {
        assertThat(model.metricsReading(fx.mirror("session")))
                .containsExactlyInAnyOrder("oracle.sessions.total", "oracle.sessions.active", "oracle.sessions.blocked",
                        "oracle.sessions.active_by_wait_class", "oracle.sessions.blocked_longest_s");
    }

    @Test
    void withoutAStoreThereIsNothingToLoadOrEdit() {
        DefinitionsViewModel none = new DefinitionsViewModel(null, null, new DirectTaskExecutor(), fx.messages, s -> { }, () -> { });
        none.reload();
        assertThat(none.hasStore()).isFalse();
        assertThat(none.canTest()).isFalse();
        assertThat(none.mirrors()).isEmpty();
    }

    @Test
    void freeNamesCountUp() {
        assertThat(DefinitionsViewModel.freeName("a", n -> false)).isEqualTo("a_copy");
        assertThat(DefinitionsViewModel.freeName("a", n -> n.equals("a_copy") || n.equals("a_copy2"))).isEqualTo("a_copy3");
    }
}
