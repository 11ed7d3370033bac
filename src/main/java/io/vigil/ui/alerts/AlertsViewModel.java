package io.vigil.ui.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.FigureFormat;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;
import io.vigil.watch.Watch;

/**
 * The Alerts pane's "Firing now": a row per alert that is not OK, updated in place from each snapshot and kept worst
 * first; acknowledging the selected one; the badge's counts. Rule descriptions and units are read in the background
 * each time the pane is shown. Owns the pane's mute windows and history.
 */
public final class AlertsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsViewModel.class);

    /** Firing before pending before resolved; then critical first; then the oldest first (it has waited longest). */
    public static final Comparator<AlertRowModel> WORST_FIRST = Comparator
            .comparingInt((AlertRowModel r) -> rank(r.state()))
            .thenComparing(AlertRowModel::severity, Comparator.reverseOrder())
            .thenComparing(AlertRowModel::since)
            .thenComparing(r -> r.targetProperty().get())
            .thenComparing(AlertRowModel::rule)
            .thenComparing(AlertRowModel::series);

    private final Acknowledger acknowledger;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ConfigStore store;
    private final String user;
    private final MutesViewModel mutes;
    private final AlertHistoryViewModel history;

    private final Map<AlertKey, AlertRowModel> byKey = new HashMap<>();
    private final ObservableList<AlertRowModel> rows = FXCollections.observableArrayList(AlertRowModel::observables);
    private final SortedList<AlertRowModel> sorted = new SortedList<>(rows, WORST_FIRST);
    private final ObservableList<String> targetNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AlertCounts> counts = new ReadOnlyObjectWrapper<>(AlertCounts.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper acknowledging = new ReadOnlyBooleanWrapper(false);
    private final Map<Long, TargetKind> kinds = new HashMap<>();
    private RuleCatalog catalog = RuleCatalog.EMPTY;
    private List<Alert> last = List.of();

    /**
     * @param store  where rules, metrics, mute windows and history are read (the config store)
     * @param user   who acknowledges and mutes: the operating system's user name
     */
    public AlertsViewModel(ConfigStore store, Acknowledger acknowledger, TaskExecutor executor, Messages messages,
                           java.time.Clock clock, java.time.ZoneId zone, String user) {
        this.store = store;
        this.acknowledger = acknowledger;
        this.executor = executor;
        this.messages = messages;
        this.user = user;
        this.mutes = new MutesViewModel(store, executor, messages, clock, zone, user, targetNames);
        this.history = new AlertHistoryViewModel(store.alerts(), executor, messages, clock, zone, targetNames, this::valueText);
    }

    private static int rank(AlertState s) {
        return switch (s) {
            case FIRING -> 0;
            case PENDING -> 1;
            default -> 2;
        };
    }

    /** Takes a live snapshot: known alerts change in place, new ones are added, gone ones leave; one batch per snapshot. */
    public void update(Watch.Snapshot snapshot) {
        kinds.clear();
        snapshot.targets().forEach(t -> kinds.put(t.id(), t.kind()));
        updateTargets(snapshot.targets());
        last = snapshot.alerts();
        List<AlertRowModel> added = new ArrayList<>();
        Set<AlertKey> present = new HashSet<>();
        for (Alert a : last) {
            present.add(a.key());
            AlertRowModel row = byKey.get(a.key());
            if (row == null) {
                row = new AlertRowModel(a.key());
                byKey.put(a.key(), row);
                added.add(row);
            }
            row.update(a, valueText(a), description(a), catalog.title(kinds.get(a.key().targetId()), a.key().rule(), messages));
            row.age(Ages.format(Duration.between(row.since(), snapshot.at()), messages));
        }
        if (byKey.size() != present.size()) {
            byKey.keySet().retainAll(present);
            rows.removeIf(r -> !present.contains(r.key()));
        }
        rows.addAll(added);
        counts.set(AlertCounts.of(last));
    }

    private void updateTargets(List<Target> targets) {
        List<String> names = targets.stream().map(Target::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        if (!names.equals(targetNames)) {
            targetNames.setAll(names);
        }
    }

    /** The pane is shown: rule descriptions and units, and the mute windows, are read again (they may have been edited). */
    public void shown() {
        executor.run(() -> RuleCatalog.load(store), loaded -> {
            catalog = loaded;
            mutes.rules(loaded.names());
            for (Alert a : last) {
                AlertRowModel row = byKey.get(a.key());
                if (row != null) {
                    row.update(a, valueText(a), description(a), catalog.title(kinds.get(a.key().targetId()), a.key().rule(), messages));
                }
            }
        }, e -> {
            LOG.warn("Alert rules could not be read: {}", e.toString());
            report(true, UserErrors.describe(e, messages));
        });
        mutes.reload();
    }

    /** Acknowledges the row's alert in the collector, as the current user, in the background. */
    public void acknowledge(AlertRowModel row, String comment) {
        if (row == null || acknowledging.get()) {
            return;
        }
        String said = comment == null ? "" : comment.strip();
        acknowledging.set(true);
        executor.run(() -> acknowledger.acknowledge(row.key(), user, said), stored -> {
            acknowledging.set(false);
            if (stored) {
                row.showAck(user, said);
                report(false, messages.get("alerts.ack.done", row.rule(), row.targetProperty().get()));
            } else {
                report(true, messages.get("alerts.ack.gone", row.rule(), row.targetProperty().get()));
            }
        }, e -> {
            acknowledging.set(false);
            LOG.warn("Acknowledging {} failed: {}", row.key(), e.toString());
            report(true, UserErrors.describe(e, messages));
        });
    }

    private void report(boolean error, String text) {
        messageIsError.set(error);
        message.set(text);
    }

    /** The value with the unit of the metric the rule watches ("93.4 %"); for an alert without one, what it is about. */
    public String valueText(AlertKey key, Double value, String detail) {
        if (value != null) {
            String unit = catalog.unit(kinds.get(key.targetId()), key.rule());
            String figure = FigureFormat.format(value, messages.locale());
            return unit.isEmpty() ? figure : figure + " " + unit;
        }
        String headline = Alert.headline(detail);
        return headline.isEmpty() ? FigureFormat.NO_VALUE : headline;
    }

    private String valueText(Alert a) {
        return valueText(a.key(), a.value(), a.detail());
    }

    private String description(Alert a) {
        return catalog.description(kinds.get(a.key().targetId()), a.key().rule());
    }

    /** What a notification calls an alert: its rule, and its series when the rule watches each on its own. */
    public static String title(Alert a) {
        return a.key().series().isEmpty() ? a.key().rule() : a.key().rule() + " (" + a.key().series() + ")";
    }

    public String stateText(AlertState s) {
        return messages.get("alerts.state." + s.name());
    }

    /** Every alert of the last snapshot, worst first. */
    public SortedList<AlertRowModel> rows() {
        return sorted;
    }

    /** The badge's counts, from the last snapshot. */
    public ReadOnlyObjectProperty<AlertCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The outcome of the last acknowledgement or load, in words; empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty acknowledgingProperty() {
        return acknowledging.getReadOnlyProperty();
    }

    public MutesViewModel mutes() {
        return mutes;
    }

    public AlertHistoryViewModel history() {
        return history;
    }
}
