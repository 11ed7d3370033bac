package io.vigil.ui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.vigil.config.Problem;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;

/**
 * The "Mute…" dialog's state: which target and rule (empty = all), until when (a quick choice or a typed date and time)
 * and why. Each field is checked as it is typed, with the message shown next to it; a mute starts when it is saved.
 */
public final class MuteFormViewModel {

    /** The fields that can hold a problem: {@code target}, {@code rule}, {@code ends} (the end) and {@code reason}. */
    static final List<String> FIELDS = List.of("target", "rule", "ends", "reason");
    // 7:30 as well as 07:30 and 22:30:00
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

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
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper endsProblem;
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final BooleanBinding valid;

    MuteFormViewModel(Messages messages, Clock clock, ZoneId zone, String user, List<String> targetNames, List<String> ruleNames) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.user = user;
        FIELDS.forEach(f -> problems.put(f, new ReadOnlyStringWrapper("")));
        endsProblem = problems.get("ends");
        valid = Bindings.createBooleanBinding(() -> problems.values().stream().allMatch(p -> p.get().isEmpty()),
                problems.values().toArray(ReadOnlyStringWrapper[]::new));
        targets.add("");
        targets.addAll(targetNames);
        rules.add("");
        rules.addAll(ruleNames);
        customDate.set(MuteUntil.tonight(clock.instant(), zone).toLocalDate());
        customTime.set(MuteUntil.EVENING.toString());
        List.<javafx.beans.Observable>of(target, rule, until, customDate, customTime, reason).forEach(p -> p.addListener(o -> check()));
        check();
    }

    private void check() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        FIELDS.forEach(f -> found.put(f, new ArrayList<>()));
        MuteWindow m = window(clock.instant());
        for (Problem p : Validation.mute(m)) {
            found.get(p.field()).add(p.describe(messages));
        }
        if (found.get("target").isEmpty() && !m.targetName().isEmpty() && targets.stream().noneMatch(m.targetName()::equalsIgnoreCase)) {
            found.get("target").add(messages.get("alerts.mute.unknownTarget", Problem.cut(m.targetName())));
        }
        if (found.get("rule").isEmpty() && !m.ruleName().isEmpty() && !rules.contains(m.ruleName())) {
            found.get("rule").add(messages.get("alerts.mute.unknownRule", Problem.cut(m.ruleName())));
        }
        if (until.get() == MuteUntil.CUSTOM && customDate.get() == null) {
            found.put("ends", List.of(messages.get("alerts.mute.noDate")));
        } else if (until.get() == MuteUntil.CUSTOM && parseTime() == null) {
            found.put("ends", List.of(messages.get("alerts.mute.badTime", Problem.cut(customTime.get()))));
        }
        found.forEach((field, texts) -> problems.get(field).set(String.join(" ", texts)));
    }

    private LocalTime parseTime() {
        try {
            return LocalTime.parse(customTime.get().strip(), TIME);
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

    /** What is wrong with one of {@link #FIELDS}, in words; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty(String field) {
        ReadOnlyStringWrapper p = problems.get(field);
        if (p == null) {
            throw new IllegalArgumentException("not a field of the mute form: " + field);
        }
        return p.getReadOnlyProperty();
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
