package io.vigil.ui.definitions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.vigil.config.InvalidConfigException;
import io.vigil.config.Problem;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * What the mirror and metric forms share: each field's problem in words, whether the form may be saved, and the save
 * itself, run in the background with the store's refusal or failure landing in the form.
 */
public final class FormState {

    private final Map<String, ReadOnlyStringWrapper> problems = new HashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final Messages messages;

    public FormState(List<String> fields, Messages messages) {
        this.messages = messages;
        fields.forEach(f -> problems.put(f, new ReadOnlyStringWrapper("")));
    }

    /** Shows {@code found} next to their fields; a problem of a field the form does not show goes to the form's error line. */
    public void show(List<Problem> found) {
        Map<String, String> byField = new HashMap<>();
        StringBuilder elsewhere = new StringBuilder();
        for (Problem p : found) {
            if (problems.containsKey(p.field())) {
                byField.merge(p.field(), p.describe(messages), (a, b) -> a + " " + b);
            } else {
                elsewhere.append(elsewhere.isEmpty() ? "" : " ").append(p.describe(messages));
            }
        }
        problems.forEach((field, text) -> text.set(byField.getOrDefault(field, "")));
        valid.set(found.isEmpty());
        formError.set(elsewhere.toString());
    }

    /** Runs {@code work} in the background unless the form is invalid or already saving; {@code onSaved} gets its result. */
    public <T> void save(TaskExecutor executor, Callable<T> work, Consumer<T> onSaved) {
        if (!valid.get() || saving.get()) {
            return;
        }
        saving.set(true);
        formError.set("");
        executor.run(work, stored -> {
            saving.set(false);
            onSaved.accept(stored);
        }, e -> {
            saving.set(false);
            if (e instanceof InvalidConfigException invalid) {
                show(invalid.problems()); // someone saved the same name meanwhile
                valid.set(false);
            }
            formError.set(UserErrors.describe(e, messages));
        });
    }

    public ReadOnlyStringProperty problem(String field) {
        ReadOnlyStringWrapper w = problems.get(field);
        if (w == null) {
            throw new IllegalArgumentException("no such field: " + field);
        }
        return w.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty valid() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formError() {
        return formError.getReadOnlyProperty();
    }
}
