package io.vigil.ui.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Headline;
import io.vigil.config.Target;
import io.vigil.series.Series;
import io.vigil.series.SeriesStore;
import io.vigil.series.SpaceForecast;
import io.vigil.ui.util.SpaceForecastFeed;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.watch.Health;
import io.vigil.i18n.Reason;
import io.vigil.watch.JobBoard.TargetState;
import io.vigil.watch.Watch;

/**
 * One target's dashboard: the targets to choose from, the chosen one's health and reason, and a {@link HeadlineTrack}
 * per headline of its kind, updated in place from the once-a-second snapshots. The tracks are replaced only when
 * another target is chosen (or its kind's headlines change).
 */
public final class DashboardViewModel {

    /** Values kept per headline: a quarter of an hour at the packs' usual 15 s interval. */
    public static final int HISTORY = 60;

    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final HeadlineSource source;
    private final SeriesStore series;
    private final TaskExecutor executor;
    private final RecentEvents recent;
    private final DbaChecks dba;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObservableList<HeadlineTrack> tracks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Target> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
    private final ReadOnlyObjectWrapper<Reason> reason = new ReadOnlyObjectWrapper<>(Reason.NONE);
    private final ReadOnlyObjectWrapper<Instant> at = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private Long wanted;
    private Watch.Snapshot last;
    private SpaceForecastFeed forecasts;
    private final ReadOnlyObjectWrapper<List<SpaceForecast>> noForecasts = new ReadOnlyObjectWrapper<>(List.of());

    /** A dashboard whose sparklines start empty and fill with the live values. */
    public DashboardViewModel(HeadlineSource source) {
        this(source, null, null);
    }

    /** A dashboard whose sparklines start with the last quarter hour read from the series store, in the background. */
    public DashboardViewModel(HeadlineSource source, SeriesStore series, TaskExecutor executor) {
        this(source, series, executor, null);
    }

    /** As {@link #DashboardViewModel(HeadlineSource, SeriesStore, TaskExecutor)}, listing the target's recent events. */
    public DashboardViewModel(HeadlineSource source, SeriesStore series, TaskExecutor executor, RecentEvents recent) {
        this(source, series, executor, recent, null);
    }

    /** As {@link #DashboardViewModel(HeadlineSource, SeriesStore, TaskExecutor, RecentEvents)}, with an Oracle target's DBA checks. */
    public DashboardViewModel(HeadlineSource source, SeriesStore series, TaskExecutor executor, RecentEvents recent, DbaChecks dba) {
        this.source = source;
        this.series = series;
        this.executor = executor;
        this.recent = recent;
        this.dba = dba;
    }

    /** Also shows the chosen target's space forecasts (days until full under the space gauge), read in the background. */
    public DashboardViewModel withForecasts(SpaceForecastFeed feed) {
        this.forecasts = feed;
        return this;
    }

    /** The chosen target's space forecasts, the most urgent first; empty without a feed or before its first answer. */
    public ReadOnlyObjectProperty<List<SpaceForecast>> spaceForecasts() {
        return forecasts == null ? noForecasts.getReadOnlyProperty() : forecasts.forecasts();
    }

    /** Takes a snapshot: the target list, the chosen target's health and its headlines' new values. */
    public void update(Watch.Snapshot snapshot) {
        last = snapshot;
        source.refreshIfDue(snapshot.at());
        at.set(snapshot.at());
        if (!targets.equals(snapshot.targets())) {
            targets.setAll(snapshot.targets());
        }
        Target now = resolve(snapshot.targets());
        Target before = selected.get();
        selected.set(now);
        if (recent != null) {
            recent.update(now, snapshot.at());
        }
        if (dba != null) {
            dba.update(now, snapshot.at());
        }
        if (forecasts != null) {
            forecasts.update(now, snapshot.at());
        }
        if (now == null) {
            tracks.clear();
            health.set(Health.UNKNOWN);
            reason.set(Reason.NONE);
            return;
        }
        TargetState state = snapshot.health(now.id());
        health.set(state == null ? Health.UNKNOWN : state.health());
        reason.set(state == null ? Reason.NONE : state.reason());
        HeadlineFigures figures = source.current();
        List<Headline> headlines = figures.headlines(now.kind());
        if (before == null || before.id() != now.id() || !headlines.equals(tracks.stream().map(HeadlineTrack::headline).toList())) {
            List<HeadlineTrack> fresh = new ArrayList<>();
            for (Headline h : headlines) {
                fresh.add(new HeadlineTrack(figures.figure(now, h, snapshot.latest()), HISTORY));
            }
            tracks.setAll(fresh);
            backfill(now, fresh, snapshot.at());
        } else {
            for (HeadlineTrack track : tracks) {
                track.update(figures.figure(now, track.headline(), snapshot.latest()));
            }
        }
    }

    // Reads the sparklines' recent past off the FX thread; drops it when another target was chosen meanwhile. The view
    // redraws a sparkline when its track grew, at the next snapshot.
    private void backfill(Target target, List<HeadlineTrack> fresh, Instant at) {
        if (series == null || fresh.isEmpty()) {
            return;
        }
        List<Headline> wantedHeadlines = fresh.stream().map(HeadlineTrack::headline).toList();
        executor.run(() -> {
            List<Series> past = new ArrayList<>();
            for (Headline h : wantedHeadlines) {
                past.add(HeadlineFigures.recent(series, target, h, at)); // values newer than the live ones are skipped
            }
            return past;
        }, past -> {
            if (!sameTracks(fresh)) {
                return;
            }
            for (int i = 0; i < fresh.size(); i++) { // a gauge draws no history, but its figure comes from it until a live one
                Series s = past.get(i);
                fresh.get(i).backfill(s.times(), s.values());
            }
        }, e -> LOG.warn("Recent values of {} not read from the series store: {}", target.name(), e.toString()));
    }

    private boolean sameTracks(List<HeadlineTrack> fresh) {
        if (tracks.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (tracks.get(i) != fresh.get(i)) {
                return false;
            }
        }
        return true;
    }

    // The target asked for (the chooser, the tree, the overview) while it exists; else the one shown; else the first.
    private Target resolve(List<Target> all) {
        if (wanted != null) {
            for (Target t : all) {
                if (t.id() == wanted) {
                    return t;
                }
            }
        }
        Target current = selected.get();
        if (current != null) {
            for (Target t : all) {
                if (t.id() == current.id()) {
                    return t;
                }
            }
        }
        return all.isEmpty() ? null : all.getFirst();
    }

    /** Shows this target from now on; at once when a snapshot is at hand, else with the first one. */
    public void showTarget(Target target) {
        if (target == null) {
            return;
        }
        wanted = target.id();
        Target current = selected.get();
        if (last != null && (current == null || current.id() != target.id())) {
            update(last);
        }
    }

    /** The chosen target's events of the last day; null when this dashboard lists none. */
    public RecentEvents recentEvents() {
        return recent;
    }

    /** The chosen Oracle target's DBA checks; null when this dashboard shows none. */
    public DbaChecks dbaChecks() {
        return dba;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    /** The headlines of the chosen target, replaced when another target is chosen and updated in place otherwise. */
    public ObservableList<HeadlineTrack> tracks() {
        return tracks;
    }

    public ReadOnlyObjectProperty<Target> selected() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> health() {
        return health.getReadOnlyProperty();
    }

    /** Why the chosen target is not OK ("mirror sysstat: ORA-00942 …"), empty when it is. */
    public ReadOnlyObjectProperty<Reason> reason() {
        return reason.getReadOnlyProperty();
    }

    /** The time of the latest snapshot, from which the tiles' ages are counted. */
    public ReadOnlyObjectProperty<Instant> at() {
        return at.getReadOnlyProperty();
    }

    /** Why the metric definitions (units, thresholds) could not be read, empty when they were. */
    public ReadOnlyStringProperty problem() {
        return source.problem();
    }
}
