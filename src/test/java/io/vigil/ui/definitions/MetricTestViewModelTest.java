package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MetricType;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.gather.MetricPreview;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** "Test metric" in the metric form, on a cache the demo Oracle's mirrors filled. */
class MetricTestViewModelTest {

    @TempDir
    Path home;
    StoreFixture fx;
    TargetConnections connections;
    CacheDb cache;
    MirrorJob mirrors;
    DefinitionsViewModel model;
    Target demo;

    @BeforeEach
    void open() {
        fx = new StoreFixture(home.resolve("config"));
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(home.resolve("cache"));
        InMemoryLedger ledger = new InMemoryLedger();
        mirrors = new MirrorJob(connections, cache, ledger);
        model = fx.model(new MetricPreview(cache, ledger, Clock.systemUTC()));
        demo = fx.store.targets().getFirst();
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
        fx.close();
    }

    MetricFormViewModel form(String sql, String mirror) {
        MetricFormViewModel f = model.newMetricForm();
        f.nameProperty().set("oracle.test");
        f.mirrorChosenProperty(mirror).set(true);
        f.sqlProperty().set(sql);
        return f;
    }

    @Test
    void theDemoIsOfferedForOracleMetricsAndNothingForPostgres() {
        MetricFormViewModel f = model.newMetricForm();
        assertThat(f.tester().targets()).containsExactly(demo);
        assertThat(f.tester().targetProperty().get()).isEqualTo(demo);
        f.kindProperty().set(TargetKind.POSTGRES);
        assertThat(f.tester().targets()).isEmpty();
        f.test();
        assertThat(f.tester().summaryProperty().get()).isEqualTo("There is no PostgreSQL target to test on. Add one in Targets.");
    }

    @Test
    void aMirrorNotInTheCacheYetIsNamed() {
        MetricFormViewModel f = form("SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ?", "session");
        f.test();
        assertThat(f.tester().summaryProperty().get())
                .isEqualTo("Mirror session is not in the cache for demo yet. The collector copies it on its own interval; test again in a moment.");
        assertThat(f.tester().rows()).isEmpty();
    }

    @Test
    void aGaugeShowsItsSeriesWithTheirValuesAndUnit() {
        mirrors.run(demo, fx.mirror("session"));
        MetricFormViewModel f = form("SELECT status, COUNT(*) AS value FROM ora_session WHERE target_id = ? AND type = 'USER' GROUP BY status",
                "session");
        f.labelColumnsProperty().set("status");
        f.unitProperty().set("sessions");
        f.test();
        MetricTestViewModel t = f.tester();
        assertThat(t.failedProperty().get()).isFalse();
        assertThat(t.summaryProperty().get()).startsWith(t.rows().size() + " series for demo, from a snapshot ");
        assertThat(t.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.series()).matches("status=[A-Z]+");
            assertThat(r.value()).matches("[0-9,]+ sessions");
        });
        assertThat(t.noteProperty().get()).isEmpty();
    }

    @Test
    void aCounterSaysARateIsArchivedAndShowsTheRawValue() {
        mirrors.run(demo, fx.mirror("sysstat"));
        MetricFormViewModel f = form("SELECT value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'", "sysstat");
        f.typeProperty().set(MetricType.COUNTER);
        f.unitProperty().set("/s");
        f.test();
        MetricTestViewModel t = f.tester();
        assertThat(t.noteProperty().get()).isEqualTo(
                "A counter: Vigil archives its per-second rate (/s), computed between two picks. These are the raw counter values.");
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.series()).isEqualTo("oracle.test");
            assertThat(r.value()).as("the raw count, without the rate's unit").matches("[0-9,]+");
        });
    }

    @Test
    void badSqlShowsTheDatabasesMessageAndTextIsNotANumber() {
        mirrors.run(demo, fx.mirror("session"));
        MetricFormViewModel f = form("SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ? AND no_such = 1", "session");
        f.test();
        assertThat(f.tester().summaryProperty().get()).startsWith("The cache refused the SQL: ").containsIgnoringCase("no_such");
        assertThat(f.tester().failedProperty().get()).isTrue();

        f.sqlProperty().set("SELECT MAX(status) AS value FROM ora_session WHERE target_id = ?");
        assertThat(f.tester().summaryProperty().get()).as("an edit clears the old answer").isEmpty();
        f.test();
        assertThat(f.tester().summaryProperty().get()).startsWith("The SQL ran, but its rows cannot be archived: column value holds")
                .endsWith("which is not a number.");
    }

    @Test
    void noRowsIsSaidPlainly() {
        mirrors.run(demo, fx.mirror("session"));
        MetricFormViewModel f = form("SELECT sid AS value FROM ora_session WHERE target_id = ? AND 1 = 0", "session");
        f.test();
        assertThat(f.tester().summaryProperty().get()).isEqualTo("The SQL returned no rows for demo: nothing would be archived.");
    }
}
