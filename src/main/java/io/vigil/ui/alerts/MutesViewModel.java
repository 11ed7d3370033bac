package io.vigil.ui.alerts;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.ConfigStore;
import io.vigil.config.MuteWindow;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/** The mute windows that have not ended: listed, added through a {@link MuteFormViewModel}, ended early. */
public final class MutesViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final String user;
    private final ObservableList<String> targetNames;
    private final ObservableList<MuteWindow> mutes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<String> ruleNames = List.of();

    MutesViewModel(ConfigStore store, TaskExecutor executor, Messages messages, Clock clock, ZoneId zone, String user,
                   ObservableList<String> targetNames) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.user = user;
        this.targetNames = targetNames;
    }

    void rules(List<String> names) {
        ruleNames = List.copyOf(names);
    }

    /** Reads the current mute windows in the background. */
    public void reload() {
        executor.run(() -> store.mutes(clock.instant()), mutes::setAll, e -> message.set(UserErrors.describe(e, messages)));
    }

    /** A blank form offering the targets of the last snapshot and the rules read when the pane was shown. */
    public MuteFormViewModel form() {
        return new MuteFormViewModel(messages, clock, zone, user, List.copyOf(targetNames), ruleNames);
    }

    /** Saves the form's mute in the background; {@code done} gets it once stored, a refusal stays in the form. */
    public void save(MuteFormViewModel form, Consumer<MuteWindow> done) {
        if (!form.validProperty().get() || form.savingProperty().get()) {
            return;
        }
        form.savingProperty().set(true);
        MuteWindow mute = form.toMute();
        executor.run(() -> store.saveMute(mute), saved -> {
            form.savingProperty().set(false);
            message.set(messages.get("alerts.mute.saved", describe(saved)));
            reload();
            done.accept(saved);
        }, e -> form.failed(UserErrors.describe(e, messages)));
    }

    /** Ends a mute window now: it is deleted, so notifications go out again. */
    public void endNow(MuteWindow mute) {
        executor.run(() -> {
            store.deleteMute(mute.id());
            return mute;
        }, ended -> {
            message.set(messages.get("alerts.mute.ended", describe(ended)));
            reload();
        }, e -> message.set(UserErrors.describe(e, messages)));
    }

    /** "billing-prod · all rules · until 2026-11-25 22:00 · patching (alice)". */
    public String describe(MuteWindow m) {
        String target = m.targetName().isEmpty() ? messages.get("alerts.allTargets") : m.targetName();
        String rule = m.ruleName().isEmpty() ? messages.get("alerts.allRules") : m.ruleName();
        String text = messages.get("alerts.mute.line", target, rule, WHEN.format(m.ends().atZone(zone)));
        if (!m.reason().isEmpty()) {
            text += " \u00b7 " + m.reason();
        }
        return m.createdBy().isEmpty() ? text : text + " (" + m.createdBy() + ")";
    }

    public ObservableList<MuteWindow> mutes() {
        return mutes;
    }

    /** The outcome of the last save or end, or why the list could not be read. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
