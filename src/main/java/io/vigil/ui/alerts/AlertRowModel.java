package io.vigil.ui.alerts;

import java.time.Instant;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;

/**
 * One row of "Firing now": an alert's key stays, everything else changes in place with each snapshot, so the table
 * keeps its selection and scroll position while values and ages move.
 */
public final class AlertRowModel {

    private final AlertKey key;
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AlertState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> since = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ackBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ackComment = new ReadOnlyStringWrapper("");

    AlertRowModel(AlertKey key) {
        this.key = key;
    }

    /** Takes the alert as the latest snapshot has it, with its value already in words. */
    void update(Alert a, String valueText, String descriptionText, String titleText) {
        title.set(titleText);
        severity.set(a.severity());
        state.set(a.state());
        since.set(a.firedAt() != null ? a.firedAt() : a.pendingAt());
        target.set(a.targetName());
        value.set(valueText);
        detail.set(a.detail());
        description.set(descriptionText);
        ackBy.set(a.ackBy());
        ackComment.set(a.ackComment());
    }

    /** Shows an acknowledgement at once, before the next snapshot confirms it. */
    void showAck(String by, String comment) {
        ackBy.set(by);
        ackComment.set(comment);
    }

    void age(String text) {
        age.set(text);
    }

    /** What sorting and filtering watch, so a changed row moves without being replaced. */
    Observable[] observables() {
        return new Observable[] {severity, state, since};
    }

    public AlertKey key() {
        return key;
    }

    public String rule() {
        return key.rule();
    }

    public String series() {
        return key.series();
    }

    public Severity severity() {
        return severity.get();
    }

    public AlertState state() {
        return state.get();
    }

    public Instant since() {
        return since.get();
    }

    public boolean acknowledged() {
        return !ackBy.get().isEmpty();
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlertState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The rule as people read it (its metric's title); the rule's dotted name is {@link #rule()}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** What the alert is about in full (an alert-log entry's lines, why a target is down); empty for a plain threshold. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ackByProperty() {
        return ackBy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ackCommentProperty() {
        return ackComment.getReadOnlyProperty();
    }
}
