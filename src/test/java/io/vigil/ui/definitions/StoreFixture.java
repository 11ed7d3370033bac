package io.vigil.ui.definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.FirstStart;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.gather.MetricPreview;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

/** A real embedded config store with the shipped packs and the demo target, and a view model over it that runs work in place. */
final class StoreFixture implements AutoCloseable {

    final ConfigStore store;
    final Messages messages = new Messages(Locale.ENGLISH);
    final List<String> status = new ArrayList<>();
    int changes;

    StoreFixture(Path home) {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        FirstStart.prepare(store);
    }

    /** A loaded view model; {@code preview} may be null (no collector). */
    DefinitionsViewModel model(MetricPreview preview) {
        DefinitionsViewModel model = new DefinitionsViewModel(store, preview, new DirectTaskExecutor(), messages, status::add, () -> changes++);
        model.reload();
        return model;
    }

    MirrorDef mirror(String name) {
        return store.mirrors().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    MetricDef metric(String name) {
        return store.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        store.close();
    }
}
