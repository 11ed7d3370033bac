package io.vigil.ui.overview;

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

import io.vigil.config.Headline;
import io.vigil.config.Target;
import io.vigil.ui.dashboard.Figure;
import io.vigil.ui.dashboard.HeadlineFigures;
import io.vigil.ui.dashboard.HeadlineSource;
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

    private final HeadlineSource source;
    private final Map<Long, TargetCard> cards = new HashMap<>();
    private final ObservableList<TargetCard> shown = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();

    public OverviewViewModel(HeadlineSource source) {
        this.source = source;
        filter.addListener((o, was, now) -> arrange());
        tag.addListener((o, was, now) -> arrange());
    }

    /** Takes a snapshot: new targets get a card, gone ones lose theirs, every card takes its target's latest state. */
    public void update(Watch.Snapshot snapshot) {
        source.refreshIfDue(snapshot.at());
        HeadlineFigures figures = source.current();
        Set<Long> present = new HashSet<>();
        Set<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Target t : snapshot.targets()) {
            present.add(t.id());
            allTags.addAll(t.tags());
            TargetCard card = cards.computeIfAbsent(t.id(), id -> new TargetCard(t));
            List<Figure> latest = new ArrayList<>(FIGURES);
            for (Headline h : pick(figures.headlines(t.kind()))) {
                latest.add(figures.figure(t, h, snapshot.latest()));
            }
            card.update(t, snapshot.health(t.id()), latest);
        }
        cards.keySet().retainAll(present);
        total.set(cards.size());
        if (!tags.equals(new ArrayList<>(allTags))) {
            tags.setAll(allTags);
        }
        if (tag.get() != null && !allTags.contains(tag.get())) {
            tag.set(null); // its last target lost the tag
        }
        arrange();
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
