package io.vigil.ui.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Headline;
import io.vigil.config.Target;
import io.vigil.series.Series;
import io.vigil.series.SeriesStore;
import io.vigil.ui.dashboard.Figure;
import io.vigil.ui.dashboard.HeadlineFigures;
import io.vigil.ui.dashboard.HeadlineSource;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.watch.Watch;

/**
 * Every target as a {@link TargetCard}: its health and three headline figures, worst health first, then by name;
 * narrowed by a name filter and a tag. Cards live as long as their target and are updated in place.
 */
public final class OverviewViewModel {

    /** The headlines a card shows, by preference; kinds without one (no host CPU on MySQL) take the next. */
    static final List<String> PREFERRED = List.of("sessions", "active", "cpu", "throughput");
    static final int FIGURES = 3;

    private static final Comparator<TargetCard> ORDER = Comparator.comparing((TargetCard c) -> c.health().ordinal())
            .thenComparing(c -> c.target().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(c -> c.target().id());

    private static final Logger LOG = LoggerFactory.getLogger(OverviewViewModel.class);

    private final HeadlineSource source;
    private final SeriesStore series;
    private final TaskExecutor executor;
    private final Map<Long, TargetCard> cards = new HashMap<>();
    private final Set<Long> looked = new HashSet<>(); // targets whose stored figures were asked for
    private final Map<Long, Map<Headline, Stored>> stored = new HashMap<>();
    private final ObservableList<TargetCard> shown = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();

    /** The newest value of a headline read from the series store, and its source time. */
    private record Stored(double value, Instant time) {
    }

    /** An overview whose figures come from the live snapshots only. */
    public OverviewViewModel(HeadlineSource source) {
        this(source, null, null);
    }

    /**
     * An overview that, for each target it first shows, reads its figures' newest stored values in the background, to
     * show until the collector's own first pick (a quarter of a minute and more after the console opens).
     */
    public OverviewViewModel(HeadlineSource source, SeriesStore series, TaskExecutor executor) {
        this.source = source;
        this.series = series;
        this.executor = executor;
        filter.addListener((o, was, now) -> arrange());
        tag.addListener((o, was, now) -> arrange());
    }

    /** Takes a snapshot: new targets get a card, gone ones lose theirs, every card takes its target's latest state. */
    public void update(Watch.Snapshot snapshot) {
        source.refreshIfDue(snapshot.at());
        HeadlineFigures figures = source.current();
        lookBack(snapshot, figures);
        Set<Long> present = new HashSet<>();
        Set<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Target t : snapshot.targets()) {
            present.add(t.id());
            allTags.addAll(t.tags());
            TargetCard card = cards.computeIfAbsent(t.id(), id -> new TargetCard(t));
            List<Figure> latest = new ArrayList<>(FIGURES);
            Map<Headline, Stored> before = stored.getOrDefault(t.id(), Map.of());
            for (Headline h : pick(figures.headlines(t.kind()))) {
                Figure f = figures.figure(t, h, snapshot.latest());
                Stored old = before.get(h);
                latest.add(f.value().isEmpty() && old != null ? f.at(old.value(), old.time()) : f);
            }
            card.update(t, snapshot.health(t.id()), latest, snapshot.at());
        }
        cards.keySet().retainAll(present);
        stored.keySet().retainAll(present);
        looked.retainAll(present);
        total.set(cards.size());
        if (!tags.equals(new ArrayList<>(allTags))) {
            tags.setAll(allTags);
        }
        if (tag.get() != null && !allTags.contains(tag.get())) {
            tag.set(null); // its last target lost the tag
        }
        arrange();
    }

    // Once per target, as soon as its kind's headlines are known: the newest value of each of its card's figures in the
    // last quarter hour, read off the FX thread, all new targets of a snapshot in one task.
    private void lookBack(Watch.Snapshot snapshot, HeadlineFigures figures) {
        if (series == null) {
            return;
        }
        Map<Target, List<Headline>> wanted = new HashMap<>();
        for (Target t : snapshot.targets()) {
            List<Headline> hs = pick(figures.headlines(t.kind()));
            if (!hs.isEmpty() && looked.add(t.id())) {
                wanted.put(t, hs);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Instant at = snapshot.at();
        executor.run(() -> {
            Map<Long, Map<Headline, Stored>> read = new HashMap<>();
            for (Map.Entry<Target, List<Headline>> e : wanted.entrySet()) {
                Map<Headline, Stored> mine = new HashMap<>();
                for (Headline h : e.getValue()) {
                    Series past = HeadlineFigures.recent(series, e.getKey(), h, at);
                    if (past.size() > 0) {
                        mine.put(h, new Stored(past.values()[past.size() - 1], Instant.ofEpochMilli(past.times()[past.size() - 1])));
                    }
                }
                read.put(e.getKey().id(), mine);
            }
            return read;
        }, stored::putAll, e -> LOG.warn("Stored figures of {} targets not read from the series store: {}", wanted.size(), e.toString()));
    }

    /** The headlines a card shows: the preferred ones the kind has, topped up in pack order. */
    static List<Headline> pick(List<Headline> headlines) {
        List<Headline> out = new ArrayList<>(FIGURES);
        for (String key : PREFERRED) {
            headlines.stream().filter(h -> h.key().equals(key)).findFirst().ifPresent(h -> {
                if (out.size() < FIGURES) {
                    out.add(h);
                }
            });
        }
        for (Headline h : headlines) {
            if (out.size() < FIGURES && !out.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    // Touches the shown list only when its members or their order change: the view then moves tiles, it never rebuilds them.
    private void arrange() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        String wantedTag = tag.get();
        List<TargetCard> list = new ArrayList<>();
        for (TargetCard c : cards.values()) {
            if ((needle.isEmpty() || c.target().name().toLowerCase(Locale.ROOT).contains(needle))
                    && (wantedTag == null || c.target().tags().contains(wantedTag))) {
                list.add(c);
            }
        }
        list.sort(ORDER);
        if (!sameCards(list, shown)) {
            shown.setAll(list);
        }
    }

    private static boolean sameCards(List<TargetCard> a, List<TargetCard> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The cards that pass the filters, in the order shown. */
    public ObservableList<TargetCard> shown() {
        return shown;
    }

    /** The card of a target, or null when it is not in the last snapshot. */
    public TargetCard card(long targetId) {
        return cards.get(targetId);
    }

    /** Every tag of the targets, for the tag filter. */
    public ObservableList<String> tags() {
        return tags;
    }

    /** Part of the name a target must contain to be shown (any case). */
    public StringProperty filter() {
        return filter;
    }

    /** The tag a target must have to be shown; null for all. */
    public ObjectProperty<String> tag() {
        return tag;
    }

    /** How many targets there are, shown or not. */
    public ReadOnlyIntegerProperty total() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return source.problem();
    }
}
