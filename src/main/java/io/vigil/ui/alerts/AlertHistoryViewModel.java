package io.vigil.ui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertStore;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The Alerts pane's history: what alerts did over the last hour to 30 days, for one target or all, from warnings or
 * only critical ones. Queries run in the background, one at a time: a filter changed meanwhile queries again once the
 * running one is back, with the filters as they are then.
 */
public final class AlertHistoryViewModel {

    /** The most rows one query shows; the newest come first. */
    public static final int LIMIT = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Words for an alert's value, with its unit. */
    @FunctionalInterface
    public interface ValueText {
        String of(AlertKey key, Double value, String detail);
    }

    private final AlertStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final ValueText values;
    private final ObservableList<String> targets = FXCollections.observableArrayList("");
    private final StringProperty target = new SimpleStringProperty("");
    private final ObjectProperty<Severity> atLeast = new SimpleObjectProperty<>(Severity.WARN);
    private final ObjectProperty<HistoryRange> range = new SimpleObjectProperty<>(HistoryRange.DAY);
    private final ObservableList<AlertChange> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private boolean again;
    private boolean started;

    AlertHistoryViewModel(AlertStore store, TaskExecutor executor, Messages messages, Clock clock, ZoneId zone, ObservableList<String> targetNames,
                          ValueText values) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.values = values;
        targetNames.addListener((ListChangeListener<String>) c -> {
            List<String> fresh = new java.util.ArrayList<>(targetNames.size() + 1);
            fresh.add("");
            fresh.addAll(targetNames);
            if (!fresh.contains(target.get())) {
                target.set(""); // before the list changes, so the choice box never sees its value vanish
            }
            targets.setAll(fresh);
        });
        InvalidationListener requery = o -> {
            if (started) {
                query();
            }
        };
        target.addListener(requery);
        atLeast.addListener(requery);
        range.addListener(requery);
    }

    /** Queries with the current filters; while one runs, this one waits for it and then runs once. */
    public void query() {
        started = true;
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        Instant to = clock.instant();
        Instant from = to.minus(range.get().length());
        String t = target.get() == null ? "" : target.get();
        Severity severity = atLeast.get() == null ? Severity.WARN : atLeast.get();
        executor.run(() -> store.history(from, to, t, severity, LIMIT), this::show, e -> {
            summary.set(UserErrors.describe(e, messages));
            done();
        });
    }

    private void show(List<AlertChange> found) {
        rows.setAll(found);
        summary.set(found.size() >= LIMIT ? messages.get("alerts.history.limited", LIMIT) : messages.get("alerts.history.count", found.size()));
        done();
    }

    private void done() {
        loading.set(false);
        if (again) {
            again = false;
            query();
        }
    }

    public String timeText(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** "Pending → Firing". */
    public String changeText(AlertChange c) {
        String from = c.from() == null ? "" : messages.get("alerts.state." + c.from().name());
        String to = c.to() == null ? "" : messages.get("alerts.state." + c.to().name());
        return from.isEmpty() ? to : from + " \u2192 " + to;
    }

    public String valueText(AlertChange c) {
        return values.of(c.key(), c.value(), c.detail());
    }

    public String targetText(String name) {
        return name == null || name.isEmpty() ? messages.get("alerts.allTargets") : name;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<Severity> atLeastProperty() {
        return atLeast;
    }

    public ObjectProperty<HistoryRange> rangeProperty() {
        return range;
    }

    /** The changes found, newest first. */
    public ObservableList<AlertChange> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How many were found, or why the query failed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
