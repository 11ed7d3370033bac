package io.vigil.team;

import java.time.Clock;

import io.vigil.i18n.Reason;
import io.vigil.alert.Alerting;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.ledger.RedisLedger;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector;
import io.vigil.schedule.LocalCollector.Stores;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.series.SeriesStore;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.watch.BoardObservations;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Monitoring;
import io.vigil.watch.Watch;

/**
 * A console in a team: it shows what every collector on the team's Redis does (health, job states and who runs them,
 * newest values, alerts from the shared config store), and either collects its share of the targets like any other
 * collector ("Collect here") or collects nothing ("Watch collectors").
 */
public final class TeamMonitoring implements Monitoring {

    private final TeamView view;
    private final TeamCollector team;
    private final Alerting teamAlerting;
    private final Alerting shown;
    private final SeriesStore series;
    private final CacheDb cache;
    private final RedisLedger ledger;
    private final TargetConnections connections;
    private final Watch watch;

    private TeamMonitoring(TeamView view, TeamCollector team, Alerting teamAlerting, Alerting shown, SeriesStore series, CacheDb cache,
                           RedisLedger ledger, TargetConnections connections, Clock clock) {
        this.view = view;
        this.team = team;
        this.teamAlerting = teamAlerting;
        this.shown = shown;
        this.series = series;
        this.cache = cache;
        this.ledger = ledger;
        this.connections = connections;
        this.watch = new Watch(view, view.board(), view.latest(), shown, clock);
    }

    /** A console that collects nothing and watches the collectors. Opens stores: call off the FX thread. */
    public static TeamMonitoring watch(AppDirs dirs, ConfigStore store, Stores stores, Clock clock) {
        RedisLedger ledger = redis(stores);
        CacheDb cache = stores.cache() != null ? stores.cache() : CacheDb.embedded(dirs.home().resolve("cache"));
        SeriesStore series = stores.series() != null ? stores.series()
                : new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), clock);
        TeamView view = TeamView.start(ledger, store);
        return new TeamMonitoring(view, null, null, Alerting.follow(store, clock), series, cache, ledger,
                new TargetConnections(new DemoOracles()), clock);
    }

    /** A console that collects its share of the targets and shows the whole team. Opens stores: call off the FX thread. */
    public static TeamMonitoring collect(AppDirs dirs, ConfigStore store, Stores stores, Clock clock) {
        RedisLedger ledger = redis(stores);
        JobBoard board = new JobBoard();
        LatestValues latest = new LatestValues();
        TeamCollector team = TeamCollector.start(dirs, store, stores, clock, board, e -> { }, latest::add, TeamCollector.DEFAULT_LEASE);
        LocalCollector local = team.local();
        Alerting evaluating = Alerting.forCollector(store, local, new BoardObservations(board, latest, clock), clock, n -> { });
        team.onAdopt(evaluating::adopt);
        TeamView view = TeamView.start(ledger, store);
        return new TeamMonitoring(view, team, evaluating, Alerting.follow(store, clock), local.series(), local.cache(), ledger,
                local.connections(), clock);
    }

    private static RedisLedger redis(Stores stores) {
        if (stores.ledger() instanceof RedisLedger r) {
            return r;
        }
        throw new IllegalArgumentException("a team needs a Redis ledger");
    }

    public TeamView view() {
        return view;
    }

    @Override
    public Watch.Snapshot snapshot() {
        return watch.snapshot();
    }

    @Override
    public void reload(ConfigStore store) {
        if (team != null) {
            team.local().reload(store);
            teamAlerting.reload();
        }
        shown.reload();
        view.definitionsChanged();
    }

    @Override
    public void pause(long targetId) {
        view.pause(targetId);
    }

    @Override
    public void resume(long targetId) {
        view.resume(targetId);
    }

    @Override
    public boolean isPaused(long targetId) {
        return view.isPaused(targetId);
    }

    @Override
    public SeriesStore series() {
        return series;
    }

    @Override
    public CacheDb cache() {
        return cache;
    }

    @Override
    public SyncLedger ledger() {
        return ledger;
    }

    @Override
    public TargetConnections connections() {
        return connections;
    }

    @Override
    public Alerting alerting() {
        return shown;
    }

    @Override
    public LatestValues latest() {
        return view.latest();
    }

    @Override
    public Reason describe() {
        Reason ledger = team == null ? Reason.of("data.ledger.watching", view.collectors().size())
                : Reason.of("data.ledger.collectingAs", team.id());
        return Reason.of("data.where", cache.location(), series.location(), ledger);
    }

    @Override
    public boolean watchesOnly() {
        return team == null;
    }

    @Override
    public void close() {
        shown.close();
        view.close();
        if (team != null) {
            teamAlerting.close();
            team.close();
        } else {
            connections.close();
            series.close();
            cache.close();
            ledger.close();
        }
    }
}
