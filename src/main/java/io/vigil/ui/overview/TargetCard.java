package io.vigil.ui.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.vigil.config.Target;
import io.vigil.ui.dashboard.Figure;
import io.vigil.ui.dashboard.Level;
import io.vigil.watch.Health;
import io.vigil.i18n.Reason;
import io.vigil.watch.JobBoard.TargetState;

/**
 * What one overview tile shows of a target, kept for as long as the target exists and updated in place, so its tile
 * is built once. {@link #revision()} grows with every change, so the view redraws only the tiles that changed.
 */
public final class TargetCard {

    private Target target;
    private Health health = Health.UNKNOWN;
    private Reason reason = Reason.NONE;
    private List<Figure> figures = List.of();
    private Optional<Duration> dataAge = Optional.empty();
    private Level level = Level.NONE;
    private long revision;

    TargetCard(Target target) {
        this.target = target;
    }

    /**
     * Takes the target's latest state; returns whether anything the tile shows changed. Before the collector has a data
     * age for the target, the age is that of its newest figure (one read back from the series store) at {@code at}.
     */
    boolean update(Target t, TargetState state, List<Figure> latest, Instant at) {
        Health h = state == null ? (t.enabled() ? Health.UNKNOWN : Health.PAUSED) : state.health();
        Reason r = state == null ? Reason.NONE : state.reason();
        Optional<Duration> age = (state == null ? Optional.<Duration>empty() : state.dataAge())
                .or(() -> latest.stream().flatMap(f -> f.age(at).stream()).min(Comparator.naturalOrder()))
                .map(d -> Duration.ofSeconds(d.toSeconds()));
        Level worst = Level.NONE;
        for (Figure f : latest) {
            worst = worst.worst(f.level());
        }
        if (t.equals(target) && h == health && r.equals(reason) && latest.equals(figures) && age.equals(dataAge) && worst == level) {
            return false;
        }
        target = t;
        health = h;
        reason = r;
        figures = List.copyOf(latest);
        dataAge = age;
        level = worst;
        revision++;
        return true;
    }

    public Target target() {
        return target;
    }

    public Health health() {
        return health;
    }

    /** Why the target is not OK, empty when it is. */
    public Reason reason() {
        return reason;
    }

    /** The tile's figures, at most three, in the order shown. */
    public List<Figure> figures() {
        return figures;
    }

    /** How old the target's newest point was at the snapshot, in whole seconds; empty before the first. */
    public Optional<Duration> dataAge() {
        return dataAge;
    }

    /** The worst threshold its figures cross. */
    public Level level() {
        return level;
    }

    public long revision() {
        return revision;
    }
}
