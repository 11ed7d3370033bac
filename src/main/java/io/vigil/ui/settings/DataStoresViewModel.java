package io.vigil.ui.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.vigil.config.Secret;
import io.vigil.config.ServerAddress;
import io.vigil.config.Settings;
import io.vigil.i18n.Messages;
import io.vigil.schedule.DataStores;
import io.vigil.schedule.DataStores.Role;
import io.vigil.ui.util.TaskExecutor;

/**
 * Where the console's collector keeps its cache, ledger and points: each embedded, or on a server the team shares,
 * tested one by one in the background before the whole choice is saved and the collector restarts on it.
 */
public final class DataStoresViewModel {

    /** One store's fields, its problem and its last test. */
    public static final class Row {
        private final BooleanProperty server = new SimpleBooleanProperty(false);
        private final StringProperty url = new SimpleStringProperty("");
        private final StringProperty user = new SimpleStringProperty("");
        private final StringProperty password = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
        private Secret saved = Secret.empty();

        public BooleanProperty serverProperty() {
            return server;
        }

        public StringProperty urlProperty() {
            return url;
        }

        public StringProperty userProperty() {
            return user;
        }

        public StringProperty passwordProperty() {
            return password;
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty resultProperty() {
            return result.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty resultOkProperty() {
            return resultOk.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty testingProperty() {
            return testing.getReadOnlyProperty();
        }

        /** The address the fields describe; an empty password field keeps the saved password. */
        public ServerAddress address() {
            return server.get() ? new ServerAddress(url.get(), user.get(), password.get().isEmpty() ? saved : Secret.of(password.get()))
                    : ServerAddress.embedded();
        }
    }

    private final Map<Role, Row> rows = new EnumMap<>(Role.class);
    private final javafx.beans.property.ObjectProperty<io.vigil.config.CollectMode> mode = new javafx.beans.property.SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper modeProblem = new ReadOnlyStringWrapper("");
    private final TaskExecutor executor;
    private final Messages messages;
    private final Supplier<Settings> base;
    private final Consumer<Settings> changed;

    /**
     * @param base    the settings as they stand (language, theme, config store)
     * @param changed called with the new settings when the user saves (persist, restart the collector)
     */
    public DataStoresViewModel(Settings current, Supplier<Settings> base, TaskExecutor executor, Messages messages,
                               Consumer<Settings> changed) {
        this.base = base;
        this.executor = executor;
        this.messages = messages;
        this.changed = changed;
        load(Role.CACHE, current.cache());
        load(Role.LEDGER, current.ledger());
        load(Role.SERIES, current.series());
        mode.set(current.collect());
        mode.addListener((o, was, now) -> checkMode());
        rows.get(Role.LEDGER).server.addListener((o, was, now) -> checkMode());
        checkMode();
    }

    // Watching needs the collectors' Redis: that is where they publish what they do.
    private void checkMode() {
        boolean watch = mode.get() == io.vigil.config.CollectMode.WATCH;
        modeProblem.set(watch && !rows.get(Role.LEDGER).server.get() ? messages.get("settings.data.watchNeedsRedis") : "");
    }

    /** Collect here, or watch the team's collectors. */
    public javafx.beans.property.ObjectProperty<io.vigil.config.CollectMode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty modeProblemProperty() {
        return modeProblem.getReadOnlyProperty();
    }

    private void load(Role role, ServerAddress a) {
        Row r = new Row();
        r.server.set(!a.isEmbedded());
        r.url.set(a.url());
        r.user.set(a.user());
        r.saved = a.password();
        r.url.addListener((o, was, now) -> check(role));
        r.server.addListener((o, was, now) -> check(role));
        rows.put(role, r);
        check(role);
    }

    private void check(Role role) {
        Row r = rows.get(role);
        ServerAddress a = r.address();
        r.problem.set(r.server.get() && a.url().isEmpty() ? messages.get("settings.data.urlRequired")
                : messages.render(DataStores.problem(role, a)));
        r.result.set("");
    }

    /** Connects to one store once, in the background, and says what answered or why not. */
    public void test(Role role) {
        Row r = rows.get(role);
        if (!r.problem.get().isEmpty() || r.testing.get()) {
            return;
        }
        ServerAddress a = r.address();
        r.testing.set(true);
        r.result.set(messages.get("settings.data.testing"));
        executor.run(() -> DataStores.test(role, a), answered -> {
            r.testing.set(false);
            r.resultOk.set(true);
            r.result.set(messages.render(answered));
        }, e -> {
            r.testing.set(false);
            r.resultOk.set(false);
            r.result.set(e instanceof DataStores.Refused refused ? messages.render(refused.reason())
                    : io.vigil.ui.util.UserErrors.describe(e, messages));
        });
    }

    /** Saves the three addresses; the console restarts its collector on them. */
    public void save() {
        if (savable().get()) {
            changed.accept(base.get().withDataStores(rows.get(Role.CACHE).address(), rows.get(Role.LEDGER).address(),
                    rows.get(Role.SERIES).address()).withCollect(mode.get()));
        }
    }

    public BooleanBinding savable() {
        return Bindings.createBooleanBinding(() -> rows.values().stream().allMatch(r -> r.problem.get().isEmpty()) && modeProblem.get().isEmpty(),
                rows.get(Role.CACHE).problem, rows.get(Role.LEDGER).problem, rows.get(Role.SERIES).problem, modeProblem);
    }

    public Row row(Role role) {
        return rows.get(role);
    }
}
