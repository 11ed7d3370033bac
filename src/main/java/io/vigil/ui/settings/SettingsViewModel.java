package io.vigil.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Settings;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The Settings pane's state. Language and theme apply as soon as they change; the config store is tested and saved
 * explicitly, in the background, because opening a server store can take seconds.
 */
public final class SettingsViewModel {

    /** "" follows the operating system. */
    public static final List<String> LANGUAGES = List.of("", "en", "zh-CN");

    private final ObjectProperty<String> language = new SimpleObjectProperty<>("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<StoreKind> storeKind = new SimpleObjectProperty<>(StoreKind.EMBEDDED);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper storeResultOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final AppDirs dirs;
    private final SecretBox box;
    private final Settings saved;
    private final String storeLocation;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<Settings> lookChanged;
    private final Consumer<Settings> storeChanged;
    private final MasterPasswordViewModel masterPassword;

    /**
     * @param dirs          where Vigil keeps its files (an embedded store tested here opens there)
     * @param box           the key that opens saved passwords
     * @param saved         the settings in force
     * @param storeLocation where the open config store is, null when none is open
     * @param lookChanged   called with the new settings when language or theme change (persist and redraw)
     * @param storeChanged  called with the new settings when the user saves another config store (persist and switch)
     */
    public SettingsViewModel(AppDirs dirs, SecretBox box, Settings saved, String storeLocation, TaskExecutor executor,
                             Messages messages, Consumer<Settings> lookChanged, Consumer<Settings> storeChanged) {
        this.dirs = dirs;
        this.box = box;
        this.saved = saved;
        this.storeLocation = storeLocation;
        this.executor = executor;
        this.messages = messages;
        this.lookChanged = lookChanged;
        this.storeChanged = storeChanged;
        this.masterPassword = new MasterPasswordViewModel(dirs, box, executor, messages);
        Settings s = saved;
        language.set(LANGUAGES.contains(s.language()) ? s.language() : "");
        theme.set(s.theme());
        storeKind.set(s.configStore().kind());
        url.set(s.configStore().url());
        user.set(s.configStore().user());
        language.addListener((obs, was, now) -> lookChanged.accept(current()));
        theme.addListener((obs, was, now) -> lookChanged.accept(current()));
        url.addListener((obs, was, now) -> checkUrl());
        storeKind.addListener((obs, was, now) -> checkUrl());
        checkUrl();
    }

    private void checkUrl() {
        String u = url.get().strip().toLowerCase(Locale.ROOT);
        boolean ok = storeKind.get() == StoreKind.EMBEDDED || u.startsWith("jdbc:mysql://") || u.startsWith("jdbc:mariadb://");
        urlProblem.set(ok ? "" : messages.get("settings.store.urlProblem"));
        storeResult.set("");
    }

    /** The settings as the pane shows them; an empty password field keeps the saved one. */
    public Settings current() {
        Secret pw = password.get().isEmpty() ? saved.configStore().password() : Secret.of(password.get());
        StoreLocation where = storeKind.get() == StoreKind.EMBEDDED ? StoreLocation.embedded()
                : new StoreLocation(StoreKind.MYSQL, url.get(), user.get(), pw);
        return saved.withLanguage(language.get()).withTheme(theme.get()).withConfigStore(where);
    }

    /** Opens the chosen store once, in the background, and reports whether it works. */
    public void testStore() {
        StoreLocation where = current().configStore();
        busy.set(true);
        storeResult.set(messages.get("settings.store.testing"));
        executor.run(() -> {
            try (ConfigStore store = ConfigStores.open(where, dirs, box)) {
                return store.location();
            }
        }, location -> report(true, messages.get("settings.store.testOk", location)),
                e -> report(false, UserErrors.describe(e, messages)));
    }

    /** Saves the store choice; the console switches to it (and keeps the old one if the new one fails). */
    public void saveStore() {
        storeChanged.accept(current());
    }

    /** What the console says after a store switch. */
    public void report(boolean ok, String text) {
        busy.set(false);
        storeResultOk.set(ok);
        storeResult.set(text);
    }

    public BooleanBinding storeSavable() {
        return Bindings.createBooleanBinding(() -> urlProblem.get().isEmpty() && !busy.get(), urlProblem, busy);
    }

    public String languageLabel(String tag) {
        return switch (tag) {
            case "" -> messages.get("settings.language.system");
            case "en" -> "English";
            case "zh-CN" -> "简体中文";
            default -> tag;
        };
    }

    /** The stored-passwords section: the master password set, changed or removed. */
    public MasterPasswordViewModel masterPassword() {
        return masterPassword;
    }

    public String dataFolder() {
        return dirs.home().toString();
    }

    public String logFile() {
        return dirs.logs().resolve("vigil.log").toString();
    }

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<StoreKind> storeKindProperty() {
        return storeKind;
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

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeResultProperty() {
        return storeResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storeResultOkProperty() {
        return storeResultOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public String storeLocation() {
        return storeLocation != null ? storeLocation : messages.get("status.noStore");
    }
}
