package io.vigil.ui.alerts;

import static io.vigil.ui.alerts.AlertsFixture.T0;
import static io.vigil.ui.alerts.AlertsFixture.alert;
import static io.vigil.ui.alerts.AlertsFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.FirstStart;
import io.vigil.config.MuteWindow;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.Snapshots;
import io.vigil.ui.util.DirectTaskExecutor;

class AlertsViewModelTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Target PROD = Snapshots.target(1, "billing-prod", TargetKind.ORACLE);
    private static final Target TEST = Snapshots.target(2, "billing-test", TargetKind.ORACLE);

    @TempDir
    Path home;

    private ConfigStore store;
    private final List<String> acks = new ArrayList<>();
    private boolean ackStored = true;
    private AlertsViewModel model;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        FirstStart.prepare(store); // the shipped packs: rules with descriptions, metrics with units
        model = new AlertsViewModel(store, (key, by, comment) -> {
            acks.add(key.rule() + "/" + key.targetId() + " by " + by + ": " + comment);
            return ackStored;
        }, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), Clock.fixed(T0, ZONE), ZONE, "li.wei");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> shown() {
        return model.rows().stream().map(r -> r.targetProperty().get() + " " + r.rule() + " " + r.state() + " " + r.severity()).toList();
    }

    @Test
    void rowsFollowTheSnapshotsInPlaceWorstFirstThenOldest() {
        Alert space = alert(1, "billing-prod", "oracle.tablespace.full", "tablespace_name=USERS", AlertState.FIRING, Severity.WARN, 87.26,
                T0.minusSeconds(900));
        Alert fra = alert(2, "billing-test", "oracle.fra.full", "", AlertState.FIRING, Severity.CRIT, 93.0, T0.minusSeconds(300));
        Alert olderWarn = alert(2, "billing-test", "oracle.tablespace.full", "tablespace_name=UNDO", AlertState.FIRING, Severity.WARN, 88.0,
                T0.minusSeconds(3600));
        Alert pending = alert(1, "billing-prod", "oracle.fra.full", "", AlertState.PENDING, Severity.CRIT, 91.0, T0.minusSeconds(30));
        Alert resolved = alert(1, "billing-prod", "oracle.instance.not_open", "", AlertState.RESOLVED, Severity.CRIT, 1.0,
                T0.minusSeconds(7200));
        model.update(snapshot(T0, List.of(PROD, TEST), List.of(space, pending, resolved, fra, olderWarn)));

        assertThat(shown()).containsExactly(
                "billing-test oracle.fra.full FIRING CRIT",
                "billing-test oracle.tablespace.full FIRING WARN",
                "billing-prod oracle.tablespace.full FIRING WARN",
                "billing-prod oracle.fra.full PENDING CRIT",
                "billing-prod oracle.instance.not_open RESOLVED CRIT");
        AlertRowModel first = model.rows().get(2);
        assertThat(first.series()).isEqualTo("tablespace_name=USERS");
        assertThat(first.ageProperty().get()).as("since it fired").isEqualTo("14 min");
        assertThat(first.valueProperty().get()).as("no unit before the rules are read").isEqualTo("87.3");
        assertThat(model.countsProperty().get()).isEqualTo(new AlertCounts(3, 0, true));

        model.shown(); // reads the rules: descriptions and units
        assertThat(first.valueProperty().get()).isEqualTo("87.3 %");
        assertThat(first.descriptionProperty().get()).contains("ORA-01653");

        // the pending one fires, the resolved one is gone, the warning's value moves: the same row objects change
        Alert fired = alert(1, "billing-prod", "oracle.fra.full", "", AlertState.FIRING, Severity.CRIT, 92.0, T0.minusSeconds(90));
        Alert moved = alert(1, "billing-prod", "oracle.tablespace.full", "tablespace_name=USERS", AlertState.FIRING, Severity.WARN, 88.0,
                T0.minusSeconds(900));
        model.update(snapshot(T0.plusSeconds(60), List.of(PROD, TEST), List.of(moved, fired, fra, olderWarn)));
        assertThat(shown()).containsExactly(
                "billing-test oracle.fra.full FIRING CRIT",
                "billing-prod oracle.fra.full FIRING CRIT",
                "billing-test oracle.tablespace.full FIRING WARN",
                "billing-prod oracle.tablespace.full FIRING WARN");
        assertThat(model.rows().get(3)).isSameAs(first);
        assertThat(first.valueProperty().get()).isEqualTo("88 %");
        assertThat(first.ageProperty().get()).isEqualTo("15 min");
    }

    @Test
    void anAlertWithoutAValueShowsItsErrorLineAndKeepsItsWholeTextForTheTooltip() {
        String entry = "Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_23817.trc  (incident=48021):\n"
                + "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]";
        assertThat(model.valueText(new AlertKey("oracle.alertlog.internal_error", 1, ""), null, entry))
                .isEqualTo("ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]");
        assertThat(model.valueText(new AlertKey("oracle.target.down", 1, ""), null, "Nothing answered at db1:1521.\nNext try in 15 s."))
                .isEqualTo("Nothing answered at db1:1521.");
        assertThat(model.valueText(new AlertKey("oracle.target.down", 1, ""), null, "  ")).isEqualTo(io.vigil.ui.dashboard.FigureFormat.NO_VALUE);
    }

    @Test
    void acknowledgingCallsTheCollectorAsTheUserAndShowsTheOutcome() {
        Alert space = alert(1, "billing-prod", "oracle.tablespace.full", "tablespace_name=USERS", AlertState.FIRING, Severity.CRIT, 96.0,
                T0.minusSeconds(900));
        model.update(snapshot(T0, List.of(PROD), List.of(space)));
        AlertRowModel row = model.rows().getFirst();

        model.acknowledge(row, "  adding a datafile ");
        assertThat(acks).containsExactly("oracle.tablespace.full/1 by li.wei: adding a datafile");
        assertThat(row.ackByProperty().get()).isEqualTo("li.wei");
        assertThat(row.ackCommentProperty().get()).isEqualTo("adding a datafile");
        assertThat(model.messageProperty().get()).isEqualTo("Acknowledged oracle.tablespace.full on billing-prod.");
        assertThat(model.messageIsErrorProperty().get()).isFalse();
        assertThat(model.acknowledgingProperty().get()).isFalse();
        assertThat(model.countsProperty().get()).as("until the next snapshot").isEqualTo(new AlertCounts(1, 0, true));
        model.update(snapshot(T0.plusSeconds(1), List.of(PROD), List.of(space.withAck("li.wei", "adding a datafile", T0))));
        assertThat(model.countsProperty().get()).isEqualTo(new AlertCounts(0, 1, false));

        ackStored = false;
        model.acknowledge(row, "");
        assertThat(model.messageProperty().get()).contains("no longer open");
        assertThat(model.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void aFailingAcknowledgementIsSaidInWordsNotAsAStackTrace() {
        AlertsViewModel failing = new AlertsViewModel(store, (key, by, comment) -> {
            throw new IllegalStateException("store unreachable");
        }, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), Clock.fixed(T0, ZONE), ZONE, "li.wei");
        failing.update(snapshot(T0, List.of(PROD), List.of(alert(1, "billing-prod", "r", "", AlertState.FIRING, Severity.WARN, 1.0, T0))));
        failing.acknowledge(failing.rows().getFirst(), "x");
        assertThat(failing.messageProperty().get()).isEqualTo("An unexpected error occurred: store unreachable");
        assertThat(failing.messageIsErrorProperty().get()).isTrue();
        assertThat(failing.acknowledgingProperty().get()).isFalse();
    }

    @Test
    void aMuteIsCheckedNextToItsEndSavedAndEndedEarly() {
        model.update(snapshot(T0, List.of(PROD, TEST), List.of()));
        model.shown();
        MutesViewModel mutes = model.mutes();
        MuteFormViewModel form = mutes.form();
        assertThat(form.targets()).containsExactly("", "billing-prod", "billing-test");
        assertThat(form.rules()).contains("", "oracle.tablespace.full");
        assertThat(form.untilText(MuteUntil.TONIGHT)).isEqualTo("Until 22:00 today");
        assertThat(form.validProperty().get()).isTrue();

        form.untilProperty().set(MuteUntil.CUSTOM);
        form.customDateProperty().set(LocalDate.of(2026, 11, 25));
        form.customTimeProperty().set("09:00"); // before now (10:00 UTC)
        assertThat(form.endsProblemProperty().get()).isEqualTo("A mute window must end after it starts.");
        assertThat(form.validProperty().get()).isFalse();
        form.customTimeProperty().set("9h");
        assertThat(form.endsProblemProperty().get()).contains("“9h” is not a time of day");
        form.customTimeProperty().set("x".repeat(5000));
        assertThat(form.endsProblemProperty().get()).as("a long text is quoted cut").hasSizeLessThan(120);
        form.customDateProperty().set(LocalDate.of(2026, 11, 26));
        form.customTimeProperty().set("9:30"); // no leading zero: still a time
        assertThat(form.validProperty().get()).isTrue();
        form.customDateProperty().set(LocalDate.of(2028, 1, 1));
        assertThat(form.problemProperty("ends").get()).isEqualTo("A mute window can last at most 366 days: switch the target off instead.");
        form.customDateProperty().set(LocalDate.of(2026, 11, 25));
        form.customTimeProperty().set("23:30");
        assertThat(form.validProperty().get()).isTrue();

        form.targetProperty().set("billing-live");
        assertThat(form.problemProperty("target").get()).isEqualTo(
                "Vigil watches no target named \u201cbilling-live\u201d: choose one from the list, or all targets.");
        assertThat(form.validProperty().get()).isFalse();
        form.targetProperty().set("BILLING-PROD");
        assertThat(form.validProperty().get()).as("a mute matches target names whatever their case").isTrue();
        form.ruleProperty().set("oracle.tablespace.fill");
        assertThat(form.problemProperty("rule").get()).startsWith("There is no rule named \u201coracle.tablespace.fill\u201d");
        form.ruleProperty().set("");
        form.reasonProperty().set("r".repeat(501));
        assertThat(form.problemProperty("reason").get()).isEqualTo("At most 500 characters fit here (this has 501).");
        mutes.save(form, m -> {
            throw new AssertionError("a refused mute was saved");
        });
        assertThat(store.mutes(T0)).isEmpty();

        form.targetProperty().set("billing-prod");
        form.reasonProperty().set("patching");
        MuteWindow[] saved = {null};
        mutes.save(form, m -> saved[0] = m);
        assertThat(saved[0]).isNotNull();
        assertThat(saved[0].ends()).isEqualTo(T0.plusSeconds(13 * 3600 + 1800));
        assertThat(saved[0].createdBy()).isEqualTo("li.wei");
        assertThat(store.mutes(T0)).singleElement().satisfies(m -> {
            assertThat(m.targetName()).isEqualTo("billing-prod");
            assertThat(m.ruleName()).isEmpty();
        });
        assertThat(mutes.mutes()).hasSize(1);
        assertThat(mutes.describe(mutes.mutes().getFirst())).isEqualTo("billing-prod · All rules · until 2026-11-25 23:30 · patching (li.wei)");

        mutes.endNow(mutes.mutes().getFirst());
        assertThat(store.mutes(T0)).isEmpty();
        assertThat(mutes.mutes()).isEmpty();
        assertThat(mutes.messageProperty().get()).startsWith("Mute ended: billing-prod");
    }

    @Test
    void theQuickChoicesEndInAnHourFourHoursOrAtTenInTheEvening() {
        MuteFormViewModel form = model.mutes().form();
        form.untilProperty().set(MuteUntil.FOUR_HOURS);
        assertThat(form.toMute().ends()).isEqualTo(T0.plusSeconds(4 * 3600));
        form.untilProperty().set(MuteUntil.TONIGHT);
        assertThat(form.toMute().ends()).isEqualTo(java.time.Instant.parse("2026-11-25T22:00:00Z"));
        assertThat(MuteUntil.tonight(java.time.Instant.parse("2026-11-25T22:30:00Z"), ZONE).toInstant())
                .as("after ten it is tomorrow's").isEqualTo(java.time.Instant.parse("2026-11-26T22:00:00Z"));
    }

    @Test
    void historyIsQueriedWithTheFiltersOneQueryAtATime() {
        AlertKey prodSpace = new AlertKey("oracle.tablespace.full", 1, "tablespace_name=USERS");
        AlertKey testFra = new AlertKey("oracle.fra.full", 2, "");
        store.alerts().apply(List.of(), List.of(), List.of(
                change(prodSpace, "billing-prod", AlertState.PENDING, AlertState.FIRING, Severity.WARN, 86.0, 600),
                change(testFra, "billing-test", AlertState.PENDING, AlertState.FIRING, Severity.CRIT, 95.0, 1200),
                change(prodSpace, "billing-prod", AlertState.FIRING, AlertState.RESOLVED, Severity.WARN, 80.0, 2 * 86_400)));
        model.update(snapshot(T0, List.of(PROD, TEST), List.of()));
        model.shown();
        AlertHistoryViewModel history = model.history();
        assertThat(history.targets()).containsExactly("", "billing-prod", "billing-test");

        history.query();
        assertThat(history.rows()).extracting(c -> c.targetName() + " " + history.changeText(c)).containsExactly(
                "billing-prod Pending → Firing", "billing-test Pending → Firing");
        assertThat(history.summaryProperty().get()).isEqualTo("2 changes");
        assertThat(history.valueText(history.rows().getFirst())).isEqualTo("86 %");

        history.atLeastProperty().set(Severity.CRIT); // a changed filter queries again
        assertThat(history.rows()).extracting(AlertChange::targetName).containsExactly("billing-test");
        history.atLeastProperty().set(Severity.WARN);
        history.targetProperty().set("billing-prod");
        history.rangeProperty().set(HistoryRange.WEEK);
        assertThat(history.rows()).extracting(history::changeText).containsExactly("Pending → Firing", "Firing → Resolved");
    }

    @Test
    void aFilterChangedWhileAQueryRunsQueriesOnceMoreWhenItIsBack() {
        List<Runnable> waiting = new ArrayList<>();
        List<String> targetsAsked = new ArrayList<>();
        io.vigil.ui.util.TaskExecutor held = new io.vigil.ui.util.TaskExecutor() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                                java.util.function.Consumer<Exception> onFailure) {
                waiting.add(() -> new DirectTaskExecutor().run(work, onDone, onFailure));
            }
        };
        io.vigil.config.AlertStore counting = new ForwardingAlertStore(store.alerts(), targetsAsked);
        AlertHistoryViewModel history = new AlertHistoryViewModel(counting, held, new Messages(Locale.ENGLISH), Clock.fixed(T0, ZONE), ZONE,
                javafx.collections.FXCollections.observableArrayList("billing-prod"), (k, v, d) -> "");
        history.query();
        history.targetProperty().set("billing-prod");
        history.rangeProperty().set(HistoryRange.MONTH);
        assertThat(waiting).as("one in flight").hasSize(1);
        waiting.removeFirst().run();
        assertThat(waiting).as("the changes wait for one more query").hasSize(1);
        waiting.removeFirst().run();
        assertThat(waiting).isEmpty();
        assertThat(targetsAsked).containsExactly("", "billing-prod");
        assertThat(history.loadingProperty().get()).isFalse();
    }

    private static AlertChange change(AlertKey key, String target, AlertState from, AlertState to, Severity severity, double value,
                                      long secondsAgo) {
        return new AlertChange(0, key, target, from, to, severity, value, T0.minusSeconds(secondsAgo), "");
    }
}
