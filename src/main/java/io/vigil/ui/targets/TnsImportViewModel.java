package io.vigil.ui.targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.ConfigStore;
import io.vigil.config.InvalidConfigException;
import io.vigil.config.Problem;
import io.vigil.config.Target;
import io.vigil.config.tns.TnsNames;
import io.vigil.config.tns.TnsParser;
import io.vigil.config.tns.TnsTargets;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The tnsnames.ora import dialog's state: the file read in the background into one row per alias (ticked unless a
 * stored target already reaches it) and the entries that could not be read; a user and tags for all; and Add, which
 * saves the ticked ones in the background.
 */
public final class TnsImportViewModel {

    /** One alias of the file. */
    public static final class Row {
        private final BooleanProperty selected;
        private final TnsTargets.Planned planned;
        private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();

        Row(TnsTargets.Planned planned, Messages messages) {
            this.planned = planned;
            this.selected = new SimpleBooleanProperty(planned.isNew());
            state.set(planned.isNew() ? messages.get("tns.dialog.state.new")
                    : messages.get("tns.dialog.state.present", planned.existing().orElseThrow().name()));
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public String alias() {
            return planned.entry().alias();
        }

        public String name() {
            return planned.target().name();
        }

        public String host() {
            return planned.entry().host();
        }

        public int port() {
            return planned.entry().port();
        }

        /** The service name, or "SID x". */
        public String service(Messages messages) {
            return planned.entry().bySid() ? messages.get("tns.dialog.sid", planned.entry().sid()) : planned.entry().serviceName();
        }

        public boolean present() {
            return !planned.isNew();
        }

        public ReadOnlyStringProperty stateProperty() {
            return state.getReadOnlyProperty();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper addText = new ReadOnlyStringWrapper();
    private final Path file;
    private final List<Target> saved;
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;

    /** @param saved the targets stored now, against which names are made unique and present aliases found */
    public TnsImportViewModel(Path file, List<Target> saved, ConfigStore store, TaskExecutor executor, Messages messages) {
        this.file = file;
        this.saved = new ArrayList<>(saved);
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        addText.set(messages.get("tns.dialog.add", 0));
        selectedCount.addListener((o, was, now) -> addText.set(messages.get("tns.dialog.add", now.intValue())));
    }

    /** Reads the file off the FX thread and fills the rows and problems. */
    public void load() {
        busy.set(true);
        status.set(messages.get("tns.dialog.reading", file.getFileName().toString()));
        List<Target> known = List.copyOf(saved);
        executor.run(() -> {
            TnsNames names = TnsParser.read(file);
            return new Read(names, TnsTargets.plan(names, known, TnsTargets.Options.none()));
        }, read -> {
            busy.set(false);
            status.set("");
            List<Row> all = read.plan().stream().map(p -> new Row(p, messages)).toList();
            all.forEach(r -> r.selectedProperty().addListener((o, was, now) -> recount()));
            rows.setAll(all);
            problems.setAll(read.names().problems().stream().map(p -> read.names().describe(p, messages)).toList());
            boolean anyNew = all.stream().anyMatch(r -> !r.present());
            notice.set(anyNew && !read.names().driverFindsIt()
                    ? messages.get("tns.dialog.rename", read.names().folder().toString(), file.getFileName().toString()) : "");
            recount();
        }, e -> {
            busy.set(false);
            status.set(messages.get("tns.dialog.failed", UserErrors.describe(e, messages)));
        });
    }

    private record Read(TnsNames names, List<TnsTargets.Planned> plan) {
    }

    private void recount() {
        selectedCount.set((int) rows.stream().filter(r -> r.selectedProperty().get()).count());
    }

    /**
     * Saves the ticked rows with the user and tags given, in the background. {@code added} gets what the store took
     * (on the FX thread); {@code allDone} runs only when it took every one, else the refusals are in {@link #statusProperty()}
     * and the rows that were saved are marked present.
     */
    public void add(Consumer<List<Target>> added, Runnable allDone) {
        List<Row> chosen = rows.stream().filter(r -> r.selectedProperty().get()).toList();
        if (chosen.isEmpty() || busy.get()) {
            return;
        }
        String login = user.get() == null ? "" : user.get().strip();
        List<String> tagList = Arrays.stream((tags.get() == null ? "" : tags.get()).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        busy.set(true);
        status.set(messages.get("tns.dialog.adding"));
        executor.run(() -> {
            List<Target> stored = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            List<Row> done = new ArrayList<>();
            for (Row r : chosen) {
                Target t = r.planned.target();
                Target withLogin = new Target(0, t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), t.tnsAdmin(), login,
                        t.password(), tagList, !login.isEmpty()).withTls(t.tls()); // an alias over TCPS keeps asking for it
                try {
                    stored.add(store.saveTarget(withLogin));
                    done.add(r);
                } catch (InvalidConfigException e) {
                    refused.add(messages.get("tns.dialog.refused", r.alias(),
                            String.join("; ", e.problems().stream().map((Problem p) -> p.describe(messages)).toList())));
                }
            }
            return new Added(stored, refused, done);
        }, result -> {
            busy.set(false);
            saved.addAll(result.stored());
            for (Row r : result.done()) {
                r.selectedProperty().set(false);
                r.state.set(messages.get("tns.dialog.state.present", r.name()));
            }
            status.set(String.join("\n", result.refused()));
            if (!result.stored().isEmpty()) {
                added.accept(result.stored());
            }
            if (result.refused().isEmpty()) {
                allDone.run();
            }
        }, e -> {
            busy.set(false);
            status.set(UserErrors.describe(e, messages));
        });
    }

    private record Added(List<Target> stored, List<String> refused, List<Row> done) {
    }

    public Path file() {
        return file;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The entries that could not be read, each with its file, line and reason. */
    public ObservableList<String> problems() {
        return problems;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Tags for every added target, comma-separated. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reading…, Adding…, or why the file or a target was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the user must do for the driver to find the file (rename it), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** "Add N targets". */
    public ReadOnlyStringProperty addTextProperty() {
        return addText.getReadOnlyProperty();
    }
}
