package io.vigil.ui.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.activity.ActivityBreakdown;
import io.vigil.activity.ActivityChart;
import io.vigil.activity.ActivityReader;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;
import io.vigil.watch.Watch;

/**
 * Top Activity's state: the Oracle target and window chosen, the chart of average active sessions by wait class, the
 * part of the window selected (the whole window unless the user dragged across the chart), and that part's top SQL,
 * sessions and events. Every cache read runs through the {@link TaskExecutor}, the chart and its tables in one read
 * whose result is applied at once; while live, the pane reads again as each sample lands.
 */
public final class ActivityViewModel {

    /** The Oracle pack's sampling mirror, whose interval says how much time a sample stands for. */
    static final String SAMPLER = "activity_sample";
    static final int DEFAULT_SAMPLE_SECONDS = 5;

    /** A selected part of the window, {@code from} before {@code to}. */
    public record Selection(Instant from, Instant to) {
    }

    private final Callable<List<MirrorDef>> mirrorSource;
    private final ActivityReader reader;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<String> status;

    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ObjectProperty<ActivityRange> range = new SimpleObjectProperty<>(ActivityRange.H1);
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<ActivityChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActivityBreakdown> breakdown = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ActivityBreakdown.TopSql> topSql = FXCollections.observableArrayList();
    private final ObservableList<ActivityBreakdown.TopSession> topSessions = FXCollections.observableArrayList();
    private final ObservableList<ActivityBreakdown.TopEvent> topEvents = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper("");

    private int sampleSeconds = DEFAULT_SAMPLE_SECONDS;
    private MirrorDef sampler;
    private boolean mirrorsKnown;
    private long generation;
    private Instant lastRead = Instant.MIN;

    public ActivityViewModel(Callable<List<MirrorDef>> mirrorSource, ActivityReader reader, TaskExecutor executor, Messages messages,
                             Clock clock, ZoneId zone, Consumer<String> status) {
        this.mirrorSource = mirrorSource;
        this.reader = reader;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.status = status;
        target.addListener((o, was, now) -> {
            if (was == null || now == null || was.id() != now.id()) {
                selection.set(null);
                load();
            }
        });
        range.addListener((o, was, now) -> {
            selection.set(null);
            load();
        });
        live.addListener((o, was, now) -> {
            if (now) {
                load();
            }
        });
        say("activity.noTargets.title", messages.get("activity.noTargets.hint"));
    }

    /** Reads the sampling mirror's definition (its interval); the chart follows once a target is known. */
    public void start() {
        executor.run(mirrorSource, list -> {
            sampler = list.stream().filter(m -> m.kind() == TargetKind.ORACLE && m.name().equals(SAMPLER)).findFirst().orElse(null);
            sampleSeconds = sampler == null ? DEFAULT_SAMPLE_SECONDS : Math.max(1, sampler.intervalSeconds());
            mirrorsKnown = true;
            load();
        }, e -> {
            mirrorsKnown = true;
            status.accept(messages.get("activity.loadFailed", UserErrors.describe(e, messages)));
            load();
        });
    }

    /** Takes the Oracle targets from a live snapshot, and reads again when a new sample has had time to land. */
    public void update(Watch.Snapshot snapshot) {
        List<Target> oracle = snapshot.targets().stream().filter(t -> t.kind().packKind() == TargetKind.ORACLE).toList();
        if (!sameTargets(oracle)) {
            Target chosen = target.get();
            targets.setAll(oracle);
            Target keep = chosen == null ? null : oracle.stream().filter(t -> t.id() == chosen.id()).findFirst().orElse(null);
            target.set(keep != null ? keep : oracle.isEmpty() ? null : oracle.getFirst());
            if (oracle.isEmpty()) {
                say("activity.noTargets.title", messages.get("activity.noTargets.hint"));
            }
        }
        Instant now = clock.instant();
        // a pane out of sight reads nothing; the first tick after it comes back catches up
        if (live.get() && showing.get() && !loading.get() && !now.isBefore(lastRead.plusSeconds(refreshSeconds()))) {
            load();
        }
    }

    /**
     * How often a live pane reads again: as each sample lands, but no more than five times a bucket, so that a day in
     * 5 min buckets is read once a minute rather than every 5 s.
     */
    int refreshSeconds() {
        return Math.max(sampleSeconds, range.get().bucketSeconds(sampleSeconds) / 5);
    }

    private boolean sameTargets(List<Target> fresh) {
        if (fresh.size() != targets.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (fresh.get(i).id() != targets.get(i).id() || !fresh.get(i).name().equals(targets.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** The result of one background read: the chart and the breakdown of the selection (or of the whole window). */
    private record Loaded(ActivityChart chart, Selection selection, ActivityBreakdown breakdown) {
    }

    /** Reads the chart and the selected part's tables again, in one background read. */
    public void load() {
        Target t = target.get();
        long mine = ++generation;
        if (t == null || !mirrorsKnown) {
            loading.set(false);
            return;
        }
        ActivityRange r = range.get();
        Selection wanted = selection.get();
        int sample = sampleSeconds;
        Instant now = clock.instant();
        lastRead = now;
        loading.set(true);
        executor.run(() -> {
            ActivityChart c = reader.chart(t.id(), r.window(), r.bucketSeconds(sample), sample, now);
            Selection part = wanted != null && wanted.to().isAfter(c.from()) ? new Selection(max(wanted.from(), c.from()), wanted.to()) : null;
            Selection counted = part == null ? new Selection(c.from(), c.to()) : part;
            return new Loaded(c, part, reader.breakdown(t.id(), counted.from(), counted.to(), sample));
        }, loaded -> {
            if (mine != generation) {
                return; // the choice changed while this was read
            }
            loading.set(false);
            chart.set(loaded.chart());
            selection.set(loaded.selection());
            show(loaded.breakdown());
            describe(t);
        }, e -> failed(mine, e));
    }

    /** Looks at the part of the window between two instants (in any order); the tables follow. */
    public void select(Instant a, Instant b) {
        ActivityChart c = chart.get();
        if (c == null || target.get() == null) {
            return;
        }
        Instant from = max(a.isBefore(b) ? a : b, c.from());
        Instant to = min(a.isBefore(b) ? b : a, c.to());
        if (Duration.between(from, to).toSeconds() < c.bucketSeconds()) {
            clearSelection(); // a click, not a drag
            return;
        }
        selection.set(new Selection(from, to));
        loadBreakdown();
    }

    /** Back to the whole window. */
    public void clearSelection() {
        if (selection.get() != null) {
            selection.set(null);
            loadBreakdown();
        }
    }

    private void loadBreakdown() {
        Target t = target.get();
        ActivityChart c = chart.get();
        if (t == null || c == null) {
            return;
        }
        Selection s = selection.get() == null ? new Selection(c.from(), c.to()) : selection.get();
        int sample = sampleSeconds;
        long mine = ++generation;
        loading.set(true);
        executor.run(() -> reader.breakdown(t.id(), s.from(), s.to(), sample), b -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            show(b);
            describe(t);
        }, e -> failed(mine, e));
    }

    private void failed(long mine, Exception e) {
        if (mine != generation) {
            return;
        }
        loading.set(false);
        String why = UserErrors.describe(e, messages);
        emptyTitle.set(messages.get("activity.loadFailed.title"));
        emptyHint.set(why);
        status.accept(messages.get("activity.loadFailed", why));
    }

    private void show(ActivityBreakdown b) {
        breakdown.set(b);
        topSql.setAll(b.sql());
        topSessions.setAll(b.sessions());
        topEvents.setAll(b.events());
    }

    private void describe(Target t) {
        ActivityChart c = chart.get();
        DateTimeFormatter time = DateTimeFormatter.ofPattern(range.get() == ActivityRange.H24 ? "MM-dd HH:mm" : "HH:mm:ss", Locale.ROOT)
                .withZone(zone);
        if (c == null || c.newest() == null) {
            info.set("");
            if (sampler != null && !sampler.enabled()) {
                say("activity.disabled.title", messages.get("activity.disabled.hint", SAMPLER));
            } else {
                say("activity.noSamples.title", messages.get("activity.noSamples.hint", t.name(), sampleSeconds));
            }
        } else {
            emptyTitle.set("");
            emptyHint.set("");
            info.set(messages.get("activity.info", time.format(c.newest()), c.bucketSeconds()));
        }
        Selection s = selection.get();
        ActivityBreakdown b = breakdown.get();
        double aas = b == null || b.seconds() <= 0 ? 0 : b.samples() * (double) sampleSeconds / b.seconds();
        String figures = messages.get("activity.aas", String.format(Locale.ROOT, "%.2f", aas));
        if (s == null) {
            selectionText.set(c == null ? "" : messages.get("activity.selection.whole", figures));
        } else {
            long seconds = Duration.between(s.from(), s.to()).toSeconds();
            selectionText.set(messages.get("activity.selection.part", time.format(s.from()), time.format(s.to()),
                    seconds >= 120 ? messages.get("activity.minutes", seconds / 60) : messages.get("activity.seconds", seconds), figures));
        }
    }

    private void say(String titleKey, String hint) {
        emptyTitle.set(messages.get(titleKey));
        emptyHint.set(hint);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<ActivityRange> rangeProperty() {
        return range;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    /** Bound to whether the pane is on screen: a hidden pane does not read. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public ReadOnlyObjectProperty<ActivityChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActivityBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public ObservableList<ActivityBreakdown.TopSql> topSql() {
        return topSql;
    }

    public ObservableList<ActivityBreakdown.TopSession> topSessions() {
        return topSessions;
    }

    public ObservableList<ActivityBreakdown.TopEvent> topEvents() {
        return topEvents;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    /** How many seconds a sample stands for. */
    public int sampleSeconds() {
        return sampleSeconds;
    }
}
