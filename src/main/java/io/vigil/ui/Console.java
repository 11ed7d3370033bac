package io.vigil.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Settings;
import io.vigil.i18n.Messages;
import io.vigil.ui.settings.SettingsPane;
import io.vigil.ui.settings.SettingsViewModel;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.targets.TargetsPane;
import io.vigil.ui.targets.TargetsViewModel;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Builds the main view from a {@link ConsoleContext} and rebuilds it when the language, the theme or the config store
 * changes. Saving settings and opening stores run in the background; the view is only swapped once they are done.
 */
public final class Console {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final Scene scene;
    private final TaskExecutor executor;
    private final StringProperty status = new SimpleStringProperty("");
    private ConsoleContext context;
    private MainView view;
    private SettingsViewModel settings;

    public Console(Scene scene, TaskExecutor executor, ConsoleContext context) {
        this.scene = scene;
        this.executor = executor;
        this.context = context;
    }

    /** Shows the main view on {@code pane}. */
    public void show(MainView.Pane pane) {
        Messages messages = new Messages(Messages.localeFor(context.settings().language()));
        TargetsViewModel targets = new TargetsViewModel(context.store(), executor, messages, status::set);
        settings = new SettingsViewModel(context, executor, messages, this::lookChanged, this::storeChanged);
        view = new MainView(messages, targets, new TargetsPane(targets, messages), new SettingsPane(settings, messages), status,
                context.hasStore() ? context.store().location() : messages.get("status.noStore"), context.storeError());
        scene.setRoot(view.root());
        Themes.apply(scene, context.settings().theme());
        view.show(context.hasStore() ? pane : MainView.Pane.SETTINGS);
        status.set(context.hasStore() ? messages.get("status.ready") : messages.get("status.noStore"));
        targets.reload();
    }

    private void lookChanged(Settings changed) {
        context = context.withSettings(changed);
        show(MainView.Pane.SETTINGS);
        executor.run(() -> {
            context.settingsStore().save(changed);
            return changed;
        }, s -> LOG.info("Settings saved (language {}, theme {})", s.language().isEmpty() ? "system" : s.language(), s.theme()),
                e -> status.set(UserErrors.describe(e, new Messages(Messages.localeFor(changed.language())))));
    }

    // The new store is opened first; only when it works are the settings saved and the old store closed.
    private void storeChanged(Settings changed) {
        SettingsViewModel asking = settings;
        Messages messages = new Messages(Messages.localeFor(changed.language()));
        asking.report(true, messages.get("settings.store.switching"));
        ConsoleContext before = context;
        executor.run(() -> {
            ConsoleContext opened = ConsoleStartup.openStore(before.withSettings(changed), changed.configStore(), null);
            if (opened.hasStore()) {
                before.settingsStore().save(changed);
            }
            return opened;
        }, opened -> {
            if (!opened.hasStore()) {
                asking.report(false, opened.storeError());
                return;
            }
            if (before.hasStore()) {
                before.store().close();
            }
            context = opened;
            show(MainView.Pane.SETTINGS);
            settings.report(true, messages.get("settings.store.switched", opened.store().location()));
        }, e -> asking.report(false, UserErrors.describe(e, messages)));
    }

    public ConsoleContext context() {
        return context;
    }

    public MainView view() {
        return view;
    }

    /** Closes the config store when the window closes. */
    public void close() {
        if (context.hasStore()) {
            context.store().close();
        }
    }
}
