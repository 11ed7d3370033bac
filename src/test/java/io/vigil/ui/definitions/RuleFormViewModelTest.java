package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.RuleType;
import io.vigil.config.TargetKind;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.series.SeriesStore;
import io.vigil.ui.util.DirectTaskExecutor;

class RuleFormViewModelTest {

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

    static void fill(RuleFormViewModel f) {
        f.nameProperty().set("oracle.sessions.many");
        f.subjectProperty().set("oracle.sessions.active");
        f.warnProperty().set("50");
        f.critProperty().set("80");
    }

    AlertRule stored(String name) {
        return fx.store.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRulesOfThePacksAreLoadedAndFilteredLikeTheOtherDefinitions() {
        assertThat(model.rules()).extracting(AlertRule::name).contains("oracle.tablespace.full", "oracle.target.down");
        model.textFilterProperty().set("tablespace");
        assertThat(model.visibleRules()).extracting(AlertRule::name).contains("oracle.tablespace.full").doesNotContain("oracle.target.down");
    }

    @Test
    void aForecastRuleOffersTheSpacesWithASizeAndSavesItsLevelsInDays() {
        RuleFormViewModel f = model.newRuleForm();
        f.typeProperty().set(RuleType.FORECAST);
        assertThat(f.subjects()).containsExactly("oracle.tablespace.used_bytes", "oracle.fra.used_bytes", "oracle.asm.used_bytes");
        assertThat(RuleFormViewModel.uses(RuleType.FORECAST, "warn")).isTrue();
        assertThat(RuleFormViewModel.uses(RuleType.FORECAST, "labels")).isTrue();
        assertThat(RuleFormViewModel.uses(RuleType.FORECAST, "direction")).isFalse();
        assertThat(RuleFormViewModel.uses(RuleType.FORECAST, "level")).isFalse();
        f.nameProperty().set("site.app_data.full_soon");
        f.subjectProperty().set("oracle.tablespace.used_bytes");
        f.labelsProperty().set("tablespace_name=APP_DATA");
        f.warnProperty().set("7");
        f.critProperty().set("30");
        assertThat(f.problemProperty("crit").get()).as("fewer days are worse").isNotEmpty();
        f.critProperty().set("2");
        f.warnProperty().set("-1");
        assertThat(f.problemProperty("warn").get()).isEqualTo("Give the days as a number above 0.");
        f.warnProperty().set("7");
        assertThat(f.validProperty().get()).isTrue();
        f.save(model::ruleSaved);
        AlertRule saved = stored("site.app_data.full_soon");
        assertThat(saved.type()).isEqualTo(RuleType.FORECAST);
        assertThat(saved.direction()).isEqualTo(Direction.BELOW);
        assertThat(saved.warn()).isEqualTo(7.0);
        assertThat(saved.crit()).isEqualTo(2.0);
        assertThat(saved.labels()).containsEntry("tablespace_name", "APP_DATA");

        f.kindProperty().set(TargetKind.MYSQL);
        assertThat(f.subjects()).as("a MySQL database has no known size: nothing to count days to").isEmpty();
    }

    @Test
    void aCriticalLevelBelowTheWarningIsShownNextToItAndNothingIsSavedUntilFixed() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        assertThat(f.validProperty().get()).isTrue();
        f.critProperty().set("40");
        assertThat(f.problemProperty("crit").get()).isEqualTo("When higher is worse, the critical level must be at or above the warning level.");
        assertThat(f.validProperty().get()).isFalse();
        int before = fx.store.rules().size();
        f.save(model::ruleSaved);
        assertThat(fx.store.rules()).hasSize(before);

        f.directionProperty().set(Direction.BELOW);
        assertThat(f.problemProperty("crit").get()).as("lower is worse: 40 under 50 is right").isEmpty();
        f.directionProperty().set(Direction.ABOVE);
        f.critProperty().set("90");
        assertThat(f.validProperty().get()).isTrue();
        f.save(model::ruleSaved);
        AlertRule saved = stored("oracle.sessions.many");
        assertThat(saved.type()).isEqualTo(RuleType.THRESHOLD);
        assertThat(saved.warn()).isEqualTo(50.0);
        assertThat(saved.crit()).isEqualTo(90.0);
        assertThat(model.rules()).extracting(AlertRule::name).contains("oracle.sessions.many");
        assertThat(fx.changes).isEqualTo(1);
    }

    @Test
    void numbersThatDoNotParseAreQuotedAndTheHoldIsAlsoShownInMinutes() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        f.warnProperty().set("fifty");
        assertThat(f.problemProperty("warn").get()).startsWith("\u201cfifty\u201d is not a number");
        f.warnProperty().set("50");
        f.holdProperty().set("5m");
        assertThat(f.problemProperty("holdSeconds").get()).isEqualTo("Write a whole number (\u201c5m\u201d is not one).");
        f.holdProperty().set("300");
        assertThat(f.holdInWordsProperty().get()).isEqualTo("= 5 min");
        f.holdProperty().set("30");
        assertThat(f.holdInWordsProperty().get()).isEmpty();
        f.recoveryProperty().set("-1");
        assertThat(f.problemProperty("recovery").get()).isEqualTo("The recovery margin must be zero or a positive number.");
    }

    @Test
    void theSubjectIsChosenFromTheKindsMetricsOrMirrorsAndEveryOneWhereTheTypeAllowsIt() {
        RuleFormViewModel f = model.newRuleForm();
        assertThat(f.subjects()).contains("oracle.sessions.active").doesNotContain(AlertRule.ALL);
        assertThat(f.problemProperty("subject").get()).isEqualTo("Choose the metric the rule watches.");
        f.typeProperty().set(RuleType.NO_DATA);
        assertThat(f.subjects().getFirst()).isEqualTo(AlertRule.ALL);
        assertThat(f.subjectProperty().get()).isEqualTo(AlertRule.ALL);
        f.typeProperty().set(RuleType.MIRROR_STALE);
        assertThat(f.subjects()).contains(AlertRule.ALL, "session").doesNotContain("oracle.sessions.active");
        f.kindProperty().set(TargetKind.MYSQL);
        assertThat(f.subjects()).contains("global_status").doesNotContain("session");
        f.typeProperty().set(RuleType.EVENT);
        assertThat(f.subjectProperty().get()).as("* is no event category").isEmpty();
        assertThat(f.problemProperty("subject").get()).startsWith("Name the kind of event");
    }

    @Test
    void eachTypeKeepsOnlyTheFieldsItUses() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        f.labelsProperty().set("tablespace_name=USERS");
        f.holdProperty().set("120");
        f.typeProperty().set(RuleType.TARGET_DOWN);
        f.levelProperty().set(RuleFormViewModel.Level.CRIT);
        AlertRule down = f.toRule();
        assertThat(down.subject()).isEmpty();
        assertThat(down.labels()).isEmpty();
        assertThat(down.crit()).isEqualTo(1.0);
        assertThat(down.warn()).isNull();
        assertThat(down.holdSeconds()).isEqualTo(120);
        assertThat(RuleFormViewModel.uses(RuleType.TARGET_DOWN, "warn")).isFalse();
        assertThat(RuleFormViewModel.uses(RuleType.NO_DATA, "missed")).isTrue();
        assertThat(f.levels()).containsExactly(RuleFormViewModel.Level.WARN, RuleFormViewModel.Level.CRIT);

        f.typeProperty().set(RuleType.EVENT);
        f.subjectProperty().set("CORRUPTION");
        f.levelProperty().set(RuleFormViewModel.Level.AS_EVENT);
        AlertRule event = f.toRule();
        assertThat(event.warn()).isNull();
        assertThat(event.crit()).isNull();
        assertThat(f.validProperty().get()).isTrue();
    }

    @Test
    void aLabelFilterIsOneLabelAValueALineAndALineWithoutEqualsIsNamed() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        f.labelsProperty().set("tablespace_name=USERS\ncontents = PERMANENT");
        assertThat(f.toRule().labels()).containsExactly(Map.entry("tablespace_name", "USERS"), Map.entry("contents", "PERMANENT"));
        f.labelsProperty().set("tablespace_name=USERS\nSYSTEM");
        assertThat(f.problemProperty("labels").get()).contains("\u201cSYSTEM\u201d has no");
        assertThat(f.validProperty().get()).isFalse();
    }

    @Test
    void aPackRuleIsEditedInPlaceAndKeepsItsLevelsDirectionAndSeverity() {
        AlertRule notOpen = stored("oracle.instance.not_open");
        RuleFormViewModel f = model.editRuleForm(notOpen);
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.directionProperty().get()).isEqualTo(Direction.BELOW);
        assertThat(f.critProperty().get()).isEqualTo("0.5");
        assertThat(f.warnProperty().get()).isEmpty();
        f.holdProperty().set("60");
        f.save(model::ruleSaved);
        AlertRule saved = stored("oracle.instance.not_open");
        assertThat(saved.id()).isEqualTo(notOpen.id());
        assertThat(saved.holdSeconds()).isEqualTo(60);
        assertThat(saved.direction()).isEqualTo(Direction.BELOW);

        RuleFormViewModel down = model.editRuleForm(stored("oracle.target.down"));
        assertThat(down.levelProperty().get()).isEqualTo(RuleFormViewModel.Level.CRIT);
        RuleFormViewModel event = model.editRuleForm(stored("oracle.alertlog.corruption"));
        assertThat(event.levelProperty().get()).isEqualTo(RuleFormViewModel.Level.AS_EVENT);
        assertThat(event.subjectProperty().get()).isEqualTo("CORRUPTION");
        assertThat(event.validProperty().get()).isTrue();
    }

    @Test
    void aNameTakenWithinTheKindIsRefusedAndACopyGetsAFreeOne() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        f.nameProperty().set("oracle.tablespace.full");
        assertThat(f.problemProperty("name").get()).contains("already exists");
        RuleFormViewModel copy = model.duplicateRuleForm(stored("oracle.tablespace.full"));
        assertThat(copy.isNew()).isTrue();
        assertThat(copy.nameProperty().get()).isEqualTo("oracle.tablespace.full_copy");
        assertThat(copy.validProperty().get()).isTrue();
    }

    @Test
    void aRuleIsSwitchedOffAndDeleted() {
        AlertRule full = stored("oracle.tablespace.full");
        model.setEnabled(full, false);
        assertThat(stored("oracle.tablespace.full").enabled()).isFalse();
        model.deleteRule(stored("oracle.tablespace.full"));
        assertThat(fx.store.rules()).extracting(AlertRule::name).doesNotContain("oracle.tablespace.full");
        assertThat(model.rules()).extracting(AlertRule::name).doesNotContain("oracle.tablespace.full");
    }

    @Test
    void withoutACollectorThePreviewSaysItNeedsOne() {
        RuleFormViewModel f = model.newRuleForm();
        fill(f);
        assertThat(f.preview().shownProperty().get()).isTrue();
        assertThat(f.preview().summaryProperty().get()).startsWith("The preview needs the values the collector recorded");
        f.typeProperty().set(RuleType.TARGET_DOWN);
        assertThat(f.preview().shownProperty().get()).isFalse();
    }

    @Test
    void thePreviewReplaysTheLastHourOfTheMetricOnTheChosenTargetAsTheLevelsAreTyped() {
        Instant now = Instant.now();
        RecordedSeries series = new RecordedSeries(now, 20, 60, 60, 60, 60, 20, 20, 90, 90, 90);
        DefinitionsViewModel live = new DefinitionsViewModel(fx.store, null, series, new DirectTaskExecutor(), fx.messages, s -> { }, () -> { });
        live.reload();
        RuleFormViewModel f = live.newRuleForm();
        fill(f);
        assertThat(series.asked).isNotEmpty();
        RangeQuery q = series.asked.getLast();
        assertThat(q.metric()).isEqualTo("oracle.sessions.active");
        assertThat(q.tagFilter()).isEqualTo(Map.of("target", "demo"));
        assertThat(java.time.Duration.between(q.from(), q.to())).isEqualTo(java.time.Duration.ofHours(1));
        // warn 50: over from minute 1 to 5 (4 min), again from 7 to the end (still firing)
        assertThat(f.preview().summaryProperty().get())
                .isEqualTo("Would have fired 2 times in the last hour (longest 4 min). It would be firing now.");
        assertThat(f.preview().firedProperty().get()).isTrue();

        f.warnProperty().set("70");
        assertThat(f.preview().summaryProperty().get()).startsWith("Would have fired once in the last hour");
        f.warnProperty().set("95");
        f.critProperty().set("99");
        assertThat(f.preview().summaryProperty().get()).isEqualTo("Would not have fired in the last hour (10 values checked).");
        assertThat(f.preview().firedProperty().get()).isFalse();
        f.critProperty().set("10");
        assertThat(f.preview().summaryProperty().get()).as("a wrong level is not replayed").startsWith("Fix the metric and levels");
    }

    /** The store's answer for every query: one series a minute apart ending now, and the queries asked. */
    static final class RecordedSeries implements SeriesStore {
        final List<RangeQuery> asked = new ArrayList<>();
        final Instant end;
        final double[] values;

        RecordedSeries(Instant end, double... values) {
            this.end = end;
            this.values = values;
        }

        @Override
        public void write(List<Point> points) {
        }

        @Override
        public List<Series> query(RangeQuery query) {
            asked.add(query);
            long[] times = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                times[i] = end.toEpochMilli() - (values.length - 1 - i) * 60_000L;
            }
            return List.of(new Series(new SeriesKey(query.metric(), new TreeMap<>(query.tagFilter())), times, values));
        }

        @Override
        public String location() {
            return "memory";
        }

        @Override
        public void close() {
        }
    }
}
