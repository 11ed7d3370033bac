package io.vigil.ui.tables;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Space;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheBrowser;
import io.vigil.mirror.CacheBrowser.Column;
import io.vigil.series.SpaceForecast;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.SpaceForecastFeed;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;
import io.vigil.watch.Watch;

/**
 * The Mirrored tables pane's state: which target and mirror are chosen, that snapshot's columns and rows, a quick text
 * filter over every column, and what to say about it ("27 rows · snapshot from … (12 s old)", "not mirrored yet").
 * Every cache and ledger read runs through the {@link TaskExecutor}; with auto-refresh on, a newer sync in the ledger
 * reloads the rows.
 */
public final class TablesViewModel {

    /** The mirrors people look at most, per pack, offered as buttons; every other mirror is in the list. */
    static final Map<TargetKind, List<String>> COMMON = Map.of(
            TargetKind.ORACLE, List.of("session", "tablespace_usage", "top_sql"),
            TargetKind.MYSQL, List.of("processlist", "schema_sizes", "global_status"),
            TargetKind.POSTGRES, List.of("activity", "database_size", "waiting_locks"));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Callable<List<MirrorDef>> mirrorSource;
    private final CacheBrowser browser;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;
    private final int limit;

    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ObservableList<MirrorDef> mirrors = FXCollections.observableArrayList();
    private final ObservableList<MirrorDef> common = FXCollections.observableArrayList();
    private final ObjectProperty<MirrorDef> mirror = new SimpleObjectProperty<>();
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<MirrorRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MirrorRow> shown = new FilteredList<>(rows);
    private final StringProperty quickFilter = new SimpleStringProperty("");
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(true);
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whyHint = new ReadOnlyStringWrapper("");
    private final StringBinding emptyTitle;
    private final StringBinding emptyHint;

    private final javafx.beans.property.ReadOnlyObjectWrapper<Space> space = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<SpaceForecast>> noForecasts =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());
    private SpaceForecastFeed forecasts;

    private List<MirrorDef> allMirrors = List.of();
    private Optional<CacheBrowser.Page> page = Optional.empty();
    private Instant now = Instant.now();
    private long generation;
    private boolean checking;

    /**
     * @param mirrorSource the mirror definitions (read in the background)
     * @param status       receives messages for the status bar
     */
    public TablesViewModel(Callable<List<MirrorDef>> mirrorSource, CacheBrowser browser, TaskExecutor executor, Messages messages,
                           Consumer<String> status, int limit) {
        this.mirrorSource = mirrorSource;
        this.browser = browser;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
        this.limit = limit;
        quickFilter.addListener((o, was, text) -> {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : r -> r.matches(q));
        });
        target.addListener((o, was, now) -> {
            if (was == null || now == null || was.id() != now.id() || was.kind() != now.kind()) {
                offerMirrors();
            }
        });
        mirror.addListener((o, was, now) -> load());
        // rows there but none shown: the filter hides them all
        emptyTitle = Bindings.createStringBinding(() -> rows.isEmpty() ? why.get() : messages.get("tables.noMatch.title"), rows, why);
        emptyHint = Bindings.createStringBinding(() -> rows.isEmpty() ? whyHint.get() : messages.get("tables.noMatch.hint"), rows, whyHint);
        say("tables.noTargets.title", messages.get("tables.noTargets.hint"));
    }

    public TablesViewModel(Callable<List<MirrorDef>> mirrorSource, CacheBrowser browser, TaskExecutor executor, Messages messages,
                           Consumer<String> status) {
        this(mirrorSource, browser, executor, messages, status, CacheBrowser.DEFAULT_LIMIT);
    }

    /** Adds a "Full in" column to the rows of spaces (tablespaces, disk groups, databases), from this feed. */
    public TablesViewModel withForecasts(SpaceForecastFeed feed) {
        this.forecasts = feed;
        return this;
    }

    /** Reads the mirror definitions; the rows follow once a target is known. */
    public void start() {
        executor.run(mirrorSource, list -> {
            allMirrors = List.copyOf(list);
            offerMirrors();
        }, e -> status.accept(messages.get("tables.mirrorsFailed", UserErrors.describe(e, messages))));
    }

    /** Takes the targets and the time from a live snapshot; with auto-refresh on, asks the ledger for a newer sync. */
    public void update(Watch.Snapshot snapshot) {
        now = snapshot.at();
        List<Target> fresh = snapshot.targets();
        if (!sameTargets(fresh)) {
            Target chosen = target.get();
            targets.setAll(fresh);
            Target keep = chosen == null ? null : fresh.stream().filter(t -> t.id() == chosen.id()).findFirst().orElse(null);
            target.set(keep != null ? keep : fresh.isEmpty() ? null : fresh.getFirst());
            if (fresh.isEmpty()) {
                say("tables.noTargets.title", messages.get("tables.noTargets.hint"));
            }
        }
        describe();
        checkForNewerSync();
        if (forecasts != null && space.get() != null && showing.get()) {
            forecasts.update(target.get(), snapshot.at()); // asks again every few minutes, not every tick
        }
    }

    private boolean sameTargets(List<Target> fresh) {
        if (fresh.size() != targets.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            Target a = fresh.get(i);
            Target b = targets.get(i);
            if (a.id() != b.id() || !a.name().equals(b.name()) || a.kind() != b.kind()) {
                return false;
            }
        }
        return true;
    }

    private void offerMirrors() {
        Target t = target.get();
        List<MirrorDef> mine = t == null ? List.of() : allMirrors.stream().filter(m -> m.kind() == t.kind().packKind())
                .sorted(Comparator.comparing(MirrorDef::name)).toList();
        MirrorDef was = mirror.get();
        mirrors.setAll(mine);
        List<MirrorDef> quick = new ArrayList<>();
        if (t != null) {
            for (String name : COMMON.getOrDefault(t.kind().packKind(), List.of())) {
                mine.stream().filter(m -> m.name().equals(name)).findFirst().ifPresent(quick::add);
            }
        }
        common.setAll(quick);
        MirrorDef next = was == null ? null : mine.stream().filter(m -> m.name().equals(was.name())).findFirst().orElse(null);
        if (next == null) {
            next = !quick.isEmpty() ? quick.getFirst() : mine.isEmpty() ? null : mine.getFirst();
        }
        boolean same = java.util.Objects.equals(next, was);
        mirror.set(next);
        if (same) {
            load(); // same definition, other target: the listener does not fire
        }
    }

    /** Reads the chosen snapshot again. */
    public void refresh() {
        load();
    }

    private void load() {
        Target t = target.get();
        MirrorDef m = mirror.get();
        long mine = ++generation;
        if (t == null || m == null) {
            page = Optional.empty();
            columns.clear();
            rows.clear();
            loading.set(false);
            if (t != null) {
                say("tables.noMirrors.title", messages.get("tables.noMirrors.hint", messages.get("kind." + t.kind().name())));
            }
            describe();
            return;
        }
        space.set(forecasts == null ? null : Packs.spaces(t.kind()).stream().filter(s -> m.name().equals(s.mirror())).findFirst()
                .orElse(null));
        if (space.get() != null) {
            forecasts.update(t, now);
        }
        loading.set(true);
        executor.run(() -> Loaded.of(browser.read(t.id(), m, limit)), loaded -> {
            if (mine != generation) {
                return; // the choice changed while this was read
            }
            loading.set(false);
            page = loaded.page();
            if (!columns.equals(loaded.columns())) {
                rows.clear(); // never old rows under new columns: the new table sizes its columns from the new rows
                columns.setAll(loaded.columns());
            }
            rows.setAll(loaded.rows());
            if (page.isEmpty()) {
                say("tables.notMirrored.title", m.enabled() ? messages.get("tables.notMirrored.hint", m.name(), t.name(), m.intervalSeconds())
                        : messages.get("tables.notMirrored.disabled", m.name()));
            } else {
                say("tables.empty.title", messages.get("tables.empty.hint", m.name(), t.name()));
            }
            describe();
        }, e -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            page = Optional.empty();
            rows.clear();
            String why = UserErrors.describe(e, messages);
            say("tables.loadFailed.title", why);
            describe();
            status.accept(messages.get("tables.loadFailed", m.name(), t.name(), why));
        });
    }

    /** The rows, prepared off the FX thread (cell text for the quick filter included). */
    private record Loaded(Optional<CacheBrowser.Page> page, List<Column> columns, List<MirrorRow> rows) {
        static Loaded of(Optional<CacheBrowser.Page> page) {
            return new Loaded(page, page.map(CacheBrowser.Page::columns).orElse(List.of()),
                    page.map(p -> p.rows().stream().map(MirrorRow::of).toList()).orElse(List.of()));
        }
    }

    private void checkForNewerSync() {
        Target t = target.get();
        MirrorDef m = mirror.get();
        // a pane out of sight reads nothing; the first tick after it comes back catches up
        if (!autoRefresh.get() || !showing.get() || checking || loading.get() || t == null || m == null) {
            return;
        }
        checking = true;
        Optional<Instant> shownAt = page.flatMap(CacheBrowser.Page::syncedAt);
        executor.run(() -> browser.syncedAt(t.id(), m.name()), newest -> {
            checking = false;
            boolean stillShown = t.equals(target.get()) && m.equals(mirror.get());
            if (stillShown && newest.isPresent() && (shownAt.isEmpty() || newest.get().isAfter(shownAt.get()))) {
                load();
            }
        }, e -> checking = false); // the next tick asks again; a failing ledger shows in the pipeline pane
    }

    private void describe() {
        if (page.isEmpty()) {
            summary.set("");
            return;
        }
        CacheBrowser.Page p = page.get();
        String when = p.syncedAt().map(at -> messages.get("tables.summary.time", TIME.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())),
                Ages.format(Duration.between(at, now), messages))).orElse(messages.get("tables.summary.noTime"));
        summary.set(p.cut() ? messages.get("tables.summary.cut", p.rows().size(), p.total(), when)
                : messages.get("tables.summary", p.rows().size(), when));
    }

    private void say(String titleKey, String hint) {
        why.set(messages.get(titleKey));
        whyHint.set(hint);
    }

    /** Writes {@code visible} (the rows as filtered and sorted on screen) to {@code file} in the background. */
    public void exportCsv(List<MirrorRow> visible, Path file) {
        List<String> header = columns.stream().map(Column::name).toList();
        List<MirrorRow> snapshot = List.copyOf(visible);
        executor.run(() -> CsvExport.write(header, snapshot, file), n -> status.accept(messages.get("tables.exported", n, file)),
                e -> status.accept(messages.get("tables.exportFailed", file, UserErrors.describe(e, messages))));
    }

    /** A file name for the export: target, mirror and the snapshot's time. */
    public String suggestedFileName() {
        String t = target.get() == null ? "vigil" : target.get().name();
        String m = mirror.get() == null ? "table" : mirror.get().name();
        Instant at = page.flatMap(CacheBrowser.Page::syncedAt).orElse(now);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
        return (t + "-" + m + "-" + stamp).replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".csv";
    }

    /** The button text for a common mirror ("Sessions"), else its name. */
    public String label(MirrorDef m) {
        String key = "tables.quick." + m.name();
        return messages.has(key) ? messages.get(key) : m.name();
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The chosen target's mirrors, by name. */
    public ObservableList<MirrorDef> mirrors() {
        return mirrors;
    }

    /** The common mirrors the chosen target has. */
    public ObservableList<MirrorDef> commonMirrors() {
        return common;
    }

    public ObjectProperty<MirrorDef> mirrorProperty() {
        return mirror;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    /** Every row of the snapshot. */
    public ObservableList<MirrorRow> rows() {
        return rows;
    }

    /** The rows the quick filter lets through. */
    public FilteredList<MirrorRow> shownRows() {
        return shown;
    }

    public StringProperty quickFilterProperty() {
        return quickFilter;
    }

    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    /** Whether the pane is on screen; auto-refresh only reads while it is. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What to show instead of rows: the title ("Not mirrored yet") and the hint. */
    public StringBinding emptyTitle() {
        return emptyTitle;
    }

    public StringBinding emptyHint() {
        return emptyHint;
    }

    /** The space the shown mirror's rows are (tablespaces for {@code tablespace_usage}), null when they are none. */
    public javafx.beans.property.ReadOnlyObjectProperty<Space> space() {
        return space.getReadOnlyProperty();
    }

    /** The shown target's space forecasts; the "Full in" cells follow it. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<SpaceForecast>> spaceForecasts() {
        return forecasts == null ? noForecasts.getReadOnlyProperty() : forecasts.forecasts();
    }

    /** The forecast of the space a row is (matched by its label column, e.g. TABLESPACE_NAME), if known yet. */
    public Optional<SpaceForecast> forecastFor(MirrorRow row) {
        Space s = space.get();
        if (s == null || row == null) {
            return Optional.empty();
        }
        List<SpaceForecast> all = spaceForecasts().get().stream().filter(f -> f.space().key().equals(s.key())).toList();
        if (s.label() == null) {
            return all.stream().findFirst();
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(s.label())) {
                String name = String.valueOf(row.value(i));
                return all.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** The snapshot shown, when there is one. */
    public Optional<CacheBrowser.Page> page() {
        return page;
    }
}
