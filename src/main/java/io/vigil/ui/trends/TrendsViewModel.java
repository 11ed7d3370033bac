package io.vigil.ui.trends;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.ConfigStore;
import io.vigil.config.Headline;
import io.vigil.config.MetricDef;
import io.vigil.config.Packs;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.series.SeriesStore;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The Trends pane's state: which targets and metrics are ticked, the window (a preset ending now, or a custom one),
 * live follow, and the trend to draw. Queries run in the background, one at a time: a change while one runs asks for
 * one more when it is done, never a queue.
 */
public final class TrendsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrendsViewModel.class);

    private static final Duration LIVE_FASTEST = Duration.ofSeconds(2);
    private static final Duration LIVE_SLOWEST = Duration.ofSeconds(30);
    /** Events marked per target at most: the newest, when a long range holds more. */
    static final int MAX_EVENTS = 500;

    private final ConfigStore store;
    private final SeriesStore series;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<String> statusBar;
    private final TrendTexts texts;

    private final TrendSelection selection = new TrendSelection(this::refresh);
    private Set<String> lastSeen;

    private final ObjectProperty<TrendRange> range = new SimpleObjectProperty<>(this, "range", TrendRange.H1);
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final ObjectProperty<LocalDate> customFromDate = new SimpleObjectProperty<>(this, "customFromDate");
    private final StringProperty customFromTime = new SimpleStringProperty(this, "customFromTime", "");
    private final ObjectProperty<LocalDate> customToDate = new SimpleObjectProperty<>(this, "customToDate");
    private final StringProperty customToTime = new SimpleStringProperty(this, "customToTime", "");
    private final ReadOnlyStringWrapper customProblem = new ReadOnlyStringWrapper(this, "customProblem", "");
    private final IntegerProperty maxPoints = new SimpleIntegerProperty(this, "maxPoints", 1000);
    private final BooleanProperty showEvents = new SimpleBooleanProperty(this, "showEvents", true);
    private final ReadOnlyObjectWrapper<List<VigilEvent>> events = new ReadOnlyObjectWrapper<>(this, "events", List.of());

    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    private CustomRange custom;
    private Instant frozenEnd;
    private Instant windowEnd; // the end of the last window asked for, zoom aside
    private Instant zoomFrom; // the part of the window the chart is zoomed into, null when it is not
    private Instant zoomTo;
    private Instant lastRefresh = Instant.EPOCH;
    private boolean inFlight;
    private boolean pending;
    private int quiet; // > 0 while selections change in bulk: one refresh at the end, not one per tick box

    /**
     * @param store     where targets and metric definitions are read (in the background)
     * @param series    where the points are
     * @param zone      the zone custom dates and times are typed in
     * @param statusBar receives what the console's status bar should say (exports)
     */
    public TrendsViewModel(ConfigStore store, SeriesStore series, TaskExecutor executor, Messages messages, Clock clock, ZoneId zone,
                           Consumer<String> statusBar) {
        this.store = store;
        this.series = series;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.statusBar = statusBar;
        this.texts = new TrendTexts(messages);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        customFromDate.set(today);
        customFromTime.set("00:00");
        customToDate.set(today);
        customToTime.set(LocalTime.now(clock.withZone(zone)).withSecond(0).withNano(0).toString());
        live.addListener((o, was, on) -> liveChanged(on));
        showEvents.addListener((o, was, on) -> {
            if (on) {
                refresh();
            } else {
                events.set(List.of());
            }
        });
        showNothingChosen();
    }

    /** Reads the targets and metric definitions from the config store in the background, keeping what is ticked. */
    public void load() {
        executor.run(() -> new Definitions(store.targets(), store.metrics(), Map.of()), this::apply,
                e -> error.set(messages.get("trends.loadFailed", UserErrors.describe(e, messages))));
    }

    /**
     * Shows one target with its pack's headline metrics over the last hour, following now: what the dashboard opens.
     */
    public void showTarget(Target target) {
        showTarget(target, TrendRange.H1);
    }

    /** As {@link #showTarget(Target)}, over another preset range ending now. */
    public void showTarget(Target target, TrendRange span) {
        executor.run(() -> new Definitions(store.targets(), store.metrics(),
                Map.of(target.kind().packKind(), Packs.shipped(target.kind().packKind()).headlines())), d -> {
                    apply(d);
                    pick(target, d.headlines().getOrDefault(target.kind().packKind(), List.of()), span);
                }, e -> error.set(messages.get("trends.loadFailed", UserErrors.describe(e, messages))));
    }

    private void pick(Target target, List<Headline> headlines, TrendRange span) {
        quiet++;
        try {
            selection.pick(target, headlines);
            frozenEnd = null;
            zoomFrom = null;
            range.set(span.isCustom() ? TrendRange.H1 : span);
            live.set(true);
        } finally {
            quiet--;
        }
        refresh();
    }

    private void apply(Definitions d) {
        selection.definitions(d.targets(), d.metrics());
        refresh();
    }

    /**
     * The collector's targets, once a second: when targets came, went or were renamed since the last snapshot, the
     * definitions are read again.
     */
    public void targetsSeen(List<Target> now) {
        Set<String> seen = now.stream().map(t -> t.id() + "/" + t.name() + "/" + t.kind()).collect(Collectors.toSet());
        if (lastSeen != null && !seen.equals(lastSeen)) {
            load();
        }
        lastSeen = seen;
    }

    /** Picks a preset window ending now; {@link TrendRange#CUSTOM} applies the typed dates (see {@link #applyCustom()}). */
    public void choose(TrendRange r) {
        if (r.isCustom()) {
            applyCustom();
            return;
        }
        customProblem.set("");
        frozenEnd = live.get() ? null : clock.instant();
        zoomFrom = null;
        range.set(r);
        refresh();
    }

    /** Checks the typed window; shows it when it is sound, says what is wrong otherwise. Live follow stops. */
    public boolean applyCustom() {
        CustomRange checked = CustomRange.check(customFromDate.get(), customFromTime.get(), customToDate.get(), customToTime.get(),
                zone, clock.instant());
        if (!checked.ok()) {
            customProblem.set(messages.get(checked.problem(), checked.args().toArray()));
            return false;
        }
        customProblem.set("");
        custom = checked;
        zoomFrom = null;
        quiet++;
        try {
            live.set(false);
            range.set(TrendRange.CUSTOM);
        } finally {
            quiet--;
        }
        refresh();
        return true;
    }

    private void liveChanged(boolean on) {
        if (quiet > 0) {
            return;
        }
        if (on && range.get().isCustom()) {
            range.set(TrendRange.H1); // following now needs a window that ends now
        }
        frozenEnd = on ? null : windowEnd != null ? windowEnd : clock.instant();
        if (on) {
            refresh();
        }
    }

    /** A tick of the live feed: in live mode, asks again once the newest point can have moved. */
    public void tick() {
        if (!live.get() || range.get().isCustom() || inFlight || zoomFrom != null) {
            return;
        }
        if (Duration.between(lastRefresh, clock.instant()).compareTo(liveEvery()) >= 0) {
            refresh();
        }
    }

    // Refreshing faster than one point's width redraws the same picture; slower than 30 s looks stuck.
    private Duration liveEvery() {
        Trend t = trend.get();
        Duration step = Duration.ofMillis(t == null ? 0 : t.step());
        return step.compareTo(LIVE_FASTEST) < 0 ? LIVE_FASTEST : step.compareTo(LIVE_SLOWEST) > 0 ? LIVE_SLOWEST : step;
    }

    /**
     * The chart was zoomed into (or panned to) {@code [from, to)}: reads that part again at the plot's width, so a day
     * zoomed out of a month shows its own points rather than the month's hourly means. Null goes back to the window.
     */
    public void zoom(Instant from, Instant to) {
        boolean wasZoomed = zoomFrom != null;
        if (from == null || to == null || !from.isBefore(to)) {
            zoomFrom = null;
            zoomTo = null;
            if (!wasZoomed) {
                return;
            }
        } else {
            zoomFrom = from;
            zoomTo = to;
        }
        refresh();
    }

    /** Asks the store for the chosen series in the current window (in the background). */
    public void refresh() {
        if (quiet > 0) {
            return;
        }
        List<Target> ts = selection.tickedTargets();
        List<MetricDef> ms = selection.tickedMetrics();
        if (ts.isEmpty() || ms.isEmpty()) {
            showNothingChosen();
            return;
        }
        if (inFlight) {
            pending = true;
            return;
        }
        Instant now = clock.instant();
        Instant to;
        Instant from;
        if (range.get().isCustom()) {
            from = custom.from();
            to = custom.to();
        } else {
            to = live.get() || frozenEnd == null ? now : frozenEnd;
            from = to.minus(range.get().span());
        }
        windowEnd = to;
        if (zoomFrom != null) { // the chart shows part of the window: read that part at the plot's width, in detail
            from = zoomFrom;
            to = zoomTo;
        }
        TrendQuery q = new TrendQuery(ms, ts, selection.extraTags(), from, to, Math.max(10, maxPoints.get()));
        if (trend.get() == null) { // nothing drawn yet: say it is coming rather than what to choose
            emptyTitle.set(messages.get("trends.loading"));
            emptyHint.set("");
        }
        inFlight = true;
        loading.set(true);
        lastRefresh = now;
        boolean withEvents = showEvents.get();
        executor.run(() -> {
            long started = System.nanoTime();
            Trend t = q.run(series, messages::metricTitle);
            LOG.debug("Trend of {} lines, {} points read in {} ms", t.lines().size(), t.points(), (System.nanoTime() - started) / 1_000_000);
            return new Drawn(t, withEvents ? eventsOf(q) : List.of());
        }, d -> done(q, d), e -> {
            done(q, null);
            error.set(UserErrors.describe(e, messages));
        });
    }

    // The marks come with the lines, read in the same background call; without them the trend still shows.
    private List<VigilEvent> eventsOf(TrendQuery q) {
        List<VigilEvent> found = new ArrayList<>();
        try {
            for (Target t : q.targets()) {
                found.addAll(store.alerts().recentEvents(t.name(), q.from(), q.to(), MAX_EVENTS));
            }
        } catch (RuntimeException e) {
            LOG.warn("Events of the trend not read: {}", e.toString());
            return List.of();
        }
        found.sort(Comparator.comparing(VigilEvent::at));
        return List.copyOf(found);
    }

    private void done(TrendQuery q, Drawn d) {
        inFlight = false;
        loading.set(false);
        if (pending) { // what was asked changed meanwhile: this answer is already old
            pending = false;
            refresh();
            return;
        }
        if (d != null) {
            show(q, d.trend());
            events.set(showEvents.get() ? d.events() : List.of());
        }
    }

    private void show(TrendQuery q, Trend t) {
        error.set("");
        trend.set(t);
        empty.set(t.isEmpty());
        if (t.isEmpty()) {
            emptyTitle.set(messages.get("trends.empty.noData.title"));
            emptyHint.set(texts.noData(q));
            info.set("");
            return;
        }
        info.set(texts.info(t, clock.instant(), zone));
    }

    private void showNothingChosen() {
        trend.set(null);
        events.set(List.of());
        empty.set(true);
        info.set("");
        emptyTitle.set(messages.get("trends.empty.choose.title"));
        emptyHint.set(messages.get(!selection.tickedTargets().isEmpty() ? "trends.empty.chooseMetric.hint"
                : "trends.empty.choose.hint"));
    }

    /** Writes the trend shown as CSV in the background; the status bar says where it went. */
    public void exportCsv(Path file) {
        Trend t = trend.get();
        if (t == null) {
            return;
        }
        executor.run(() -> {
            TrendCsv.write(t, file);
            return file;
        }, f -> statusBar.accept(messages.get("trends.export.saved", f)),
                e -> statusBar.accept(messages.get("trends.export.failed", file, UserErrors.describe(e, messages))));
    }

    /** Writes a picture of the chart as PNG in the background. */
    public void exportPng(BufferedImage image, Path file) {
        executor.run(() -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new java.io.IOException("no PNG writer");
            }
            return file;
        }, f -> statusBar.accept(messages.get("trends.export.saved", f)),
                e -> statusBar.accept(messages.get("trends.export.failed", file, UserErrors.describe(e, messages))));
    }

    /** A name for the exported file: the first target and the window's end, e.g. {@code vigil-prod-db-20260101-1200}. */
    public String suggestedName() {
        String target = selection.tickedTargets().stream().map(Target::name).findFirst().orElse("trend");
        Trend t = trend.get();
        Instant end = t == null ? clock.instant() : t.to();
        return "vigil-" + target.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(end.atZone(zone));
    }

    public ObservableList<Choice<Target>> targets() {
        return selection.targets();
    }

    public ObservableList<Choice<MetricDef>> metrics() {
        return selection.metrics();
    }

    public ReadOnlyObjectProperty<TrendRange> rangeProperty() {
        return range;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public ObjectProperty<LocalDate> customFromDateProperty() {
        return customFromDate;
    }

    public StringProperty customFromTimeProperty() {
        return customFromTime;
    }

    public ObjectProperty<LocalDate> customToDateProperty() {
        return customToDate;
    }

    public StringProperty customToTimeProperty() {
        return customToTime;
    }

    public ReadOnlyStringProperty customProblemProperty() {
        return customProblem.getReadOnlyProperty();
    }

    /** About the chart's width in pixels: more points per series than that cannot be seen. */
    public IntegerProperty maxPointsProperty() {
        return maxPoints;
    }

    /** Whether events are marked on the chart; on by default. */
    public BooleanProperty showEventsProperty() {
        return showEvents;
    }

    /** The events of the targets shown inside the window shown, oldest first; empty while marks are off. */
    public ReadOnlyObjectProperty<List<VigilEvent>> eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    /** One refresh's answer: the lines and the events to mark. */
    private record Drawn(Trend trend, List<VigilEvent> events) {
    }

    /** What the config store holds, read in one background call. */
    private record Definitions(List<Target> targets, List<MetricDef> metrics, Map<TargetKind, List<Headline>> headlines) {
    }
}
