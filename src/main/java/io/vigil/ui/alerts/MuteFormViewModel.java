package io.vigil.ui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.MuteWindow;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;

/**
 * The "Mute…" dialog's state: which target and rule (empty = all), until when (a quick choice or a typed date and time)
 * and why. The end is checked as it is typed, with the message shown next to it; a mute starts when it is saved.
 */
public final class MuteFormViewModel {

    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final String user;
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty rule = new SimpleStringProperty("");
    private final ObjectProperty<MuteUntil> until = new SimpleObjectProperty<>(MuteUntil.ONE_HOUR);
    private final ObjectProperty<LocalDate> customDate = new SimpleObjectProperty<>();
    private final StringProperty customTime = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper endsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> endsProblem.get().isEmpty(), endsProblem);

    MuteFormViewModel(Messages messages, Clock clock, ZoneId zone, String user, List<String> targetNames, List<String> ruleNames) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.user = user;
        targets.add("");
        targets.addAll(targetNames);
        rules.add("");
        rules.addAll(ruleNames);
        customDate.set(MuteUntil.tonight(clock.instant(), zone).toLocalDate());
        customTime.set(MuteUntil.EVENING.toString());
        until.addListener(o -> check());
        customDate.addListener(o -> check());
        customTime.addListener(o -> check());
        check();
    }

    private void check() {
        endsProblem.set(problem(clock.instant()));
    }

    private String problem(Instant now) {
        if (until.get() == MuteUntil.CUSTOM) {
            if (customDate.get() == null) {
                return messages.get("alerts.mute.noDate");
            }
            if (parseTime() == null) {
                return messages.get("alerts.mute.badTime", customTime.get());
            }
        }
        List<String> texts = new ArrayList<>();
        Validation.mute(window(now)).forEach(p -> texts.add(p.describe(messages)));
        return String.join(" ", texts);
    }

    private LocalTime parseTime() {
        try {
            return LocalTime.parse(customTime.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private Instant ends(Instant now) {
        MuteUntil u = until.get() == null ? MuteUntil.ONE_HOUR : until.get();
        if (u != MuteUntil.CUSTOM) {
            return u.ends(now, zone);
        }
        LocalTime time = parseTime();
        return customDate.get() == null || time == null ? now : customDate.get().atTime(time).atZone(zone).toInstant();
    }

    private MuteWindow window(Instant now) {
        return new MuteWindow(0, target.get(), rule.get(), now, ends(now), reason.get(), user);
    }

    /** The mute as it would be saved now: it starts at once. */
    public MuteWindow toMute() {
        return window(clock.instant());
    }

    /** The text of a quick choice: "For 1 hour", "Until 22:00 today" (or tomorrow, once today's has passed). */
    public String untilText(MuteUntil u) {
        if (u == MuteUntil.TONIGHT) {
            boolean today = MuteUntil.tonight(clock.instant(), zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
            return messages.get(today ? "alerts.mute.until.TONIGHT" : "alerts.mute.until.TOMORROW", MuteUntil.EVENING.toString());
        }
        return messages.get("alerts.mute.until." + u.name());
    }

    /** "All targets" for the empty choice, else the name. */
    public String targetText(String name) {
        return name == null || name.isEmpty() ? messages.get("alerts.allTargets") : name;
    }

    public String ruleText(String name) {
        return name == null || name.isEmpty() ? messages.get("alerts.allRules") : name;
    }

    void failed(String text) {
        formError.set(text);
        saving.set(false);
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<String> rules() {
        return rules;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty ruleProperty() {
        return rule;
    }

    public ObjectProperty<MuteUntil> untilProperty() {
        return until;
    }

    public ObjectProperty<LocalDate> customDateProperty() {
        return customDate;
    }

    public StringProperty customTimeProperty() {
        return customTime;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why the end cannot be taken, in words; empty when it can. */
    public ReadOnlyStringProperty endsProblemProperty() {
        return endsProblem.getReadOnlyProperty();
    }

    /** Why the store refused the mute; empty until it did. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
