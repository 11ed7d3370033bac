package io.vigil.ui.channels;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.ChannelDef;
import io.vigil.config.ConfigStore;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Settings → Notifications: the channels alerts are sent through, with "Send test" per channel and how their deliveries
 * went, and the alert-log texts never turned into events. Everything that reads or writes the store runs in the
 * background; a test waits for its answer on a worker thread, never on the FX thread.
 */
public final class ChannelsViewModel {

    /** How long a test may take before the answer is "no answer". */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(30);

    private record Loaded(List<ChannelDef> channels, List<String> ignores) {
    }

    private final ObservableList<ChannelRow> rows = FXCollections.observableArrayList();
    private final StringProperty ignores = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper ignoresResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ignoresOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ConfigStore store;
    private final ChannelTester tester;
    private final Supplier<List<ChannelStatusRow>> deliveries;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final java.util.function.Consumer<String> status;

    /**
     * @param deliveries what the dispatcher knows of each channel's deliveries, read from memory (cheap, no I/O)
     * @param status     where one-line outcomes go (the status bar)
     */
    public ChannelsViewModel(ConfigStore store, ChannelTester tester, Supplier<List<ChannelStatusRow>> deliveries, TaskExecutor executor,
                             Messages messages, Clock clock, java.util.function.Consumer<String> status) {
        this.store = store;
        this.tester = tester;
        this.deliveries = deliveries;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        ignores.addListener(o -> ignoresResult.set(""));
    }

    public void reload() {
        loading.set(true);
        executor.run(() -> new Loaded(store.channels(), store.eventIgnores()), loaded -> {
            loading.set(false);
            rows.setAll(loaded.channels().stream().sorted(Comparator.comparing(ChannelDef::name, String.CASE_INSENSITIVE_ORDER))
                    .map(ChannelRow::new).toList());
            ignores.set(String.join("\n", loaded.ignores()));
            ignoresResult.set("");
            refreshDeliveries();
        }, e -> {
            loading.set(false);
            status.accept(messages.get("channels.loadFailed", UserErrors.describe(e, messages)));
        });
    }

    public ChannelFormViewModel newForm() {
        return new ChannelFormViewModel(null, channels(), store, tester, executor, messages);
    }

    public ChannelFormViewModel editForm(ChannelDef channel) {
        return new ChannelFormViewModel(channel, channels(), store, tester, executor, messages);
    }

    private List<ChannelDef> channels() {
        return rows.stream().map(ChannelRow::channel).toList();
    }

    /** Puts a saved channel into the table, in place when it was there. */
    public void saved(ChannelDef channel) {
        rows.stream().filter(r -> r.channel().id() == channel.id()).findFirst().ifPresentOrElse(r -> r.channel(channel), () -> {
            rows.add(new ChannelRow(channel));
            rows.sort(Comparator.comparing(r -> r.channel().name(), String.CASE_INSENSITIVE_ORDER));
        });
        status.accept(messages.get("channels.saved", channel.name()));
    }

    public void delete(ChannelDef channel) {
        executor.run(() -> {
            store.deleteChannel(channel.id());
            return channel;
        }, gone -> {
            rows.removeIf(r -> r.channel().id() == gone.id());
            status.accept(messages.get("channels.deleted", gone.name()));
        }, e -> status.accept(messages.get("definitions.deleteFailed", channel.name(), UserErrors.describe(e, messages))));
    }

    /** Switches a channel on or off in the store; the table shows what the store holds once it answered. */
    public void setEnabled(ChannelRow row, boolean on) {
        ChannelDef c = row.channel();
        ChannelDef changed = new ChannelDef(c.id(), c.name(), c.type(), c.endpoint(), c.user(), c.secret(), c.sender(), c.recipients(),
                c.minSeverity(), c.repeatMinutes(), c.sendResolved(), on);
        executor.run(() -> store.saveChannel(changed), this::saved, e -> {
            row.channel(new ChannelDef(c.id(), c.name(), c.type(), c.endpoint(), c.user(), c.secret(), c.sender(), c.recipients(),
                    c.minSeverity(), c.repeatMinutes(), c.sendResolved(), c.enabled())); // a fresh value, so the tick redraws
            status.accept(messages.get("definitions.saveFailed", c.name(), UserErrors.describe(e, messages)));
        });
    }

    /** Sends a test through the row's channel; the answer lands next to its button. */
    public void test(ChannelRow row) {
        if (row.testingProperty().get()) {
            return;
        }
        row.testing();
        runTest(tester, row.channel(), executor, messages, (ok, text) -> row.tested(ok, text));
    }

    /** Asks {@code tester} on a worker thread and words the answer: "sent", the reason, or no answer in time. */
    static void runTest(ChannelTester tester, ChannelDef channel, TaskExecutor executor, Messages messages,
                        java.util.function.BiConsumer<Boolean, String> answer) {
        executor.run(() -> {
            try {
                String reason = tester.test(channel).get(TEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return reason == null ? "" : reason.strip();
            } catch (TimeoutException e) {
                return messages.get("channels.test.timeout", TEST_TIMEOUT.toSeconds());
            } catch (java.util.concurrent.ExecutionException e) {
                return UserErrors.describe(e.getCause() == null ? e : e.getCause(), messages);
            }
        }, reason -> answer.accept(reason.isEmpty(), reason.isEmpty() ? messages.get("channels.test.ok", channel.name()) : reason),
                e -> answer.accept(false, UserErrors.describe(e, messages)));
    }

    /** Reads the dispatcher's delivery figures (from memory) into the rows; the live feed calls it once a second. */
    public void refreshDeliveries() {
        Map<String, ChannelStatusRow> byName = deliveries.get().stream()
                .collect(Collectors.toMap(ChannelStatusRow::name, Function.identity(), (a, b) -> b));
        for (ChannelRow row : rows) {
            ChannelStatusRow s = byName.get(row.channel().name());
            if (s == null) {
                row.delivery("", false);
                continue;
            }
            StringBuilder text = new StringBuilder(s.lastOk() == null ? messages.get("channels.delivery.never")
                    : messages.get("channels.delivery.ok", Ages.format(Duration.between(s.lastOk(), clock.instant()), messages)));
            if (!s.lastError().isEmpty()) {
                text.append(" \u00b7 ").append(messages.get("channels.delivery.error", s.lastError()));
            }
            if (s.pending() > 0) {
                text.append(" \u00b7 ").append(messages.get("channels.delivery.pending", s.pending()));
            }
            if (s.dropped() > 0) {
                text.append(" \u00b7 ").append(messages.get("channels.delivery.dropped", s.dropped()));
            }
            row.delivery(text.toString(), !s.lastError().isEmpty() || s.dropped() > 0);
        }
    }

    /** Saves the ignore list, one text or ORA- code a line; blank lines and repeats are dropped. */
    public void saveIgnores() {
        List<String> patterns = Arrays.stream(ignores.get().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        executor.run(() -> {
            store.saveEventIgnores(patterns);
            return patterns;
        }, saved -> {
            ignores.set(String.join("\n", saved));
            ignoresOk.set(true);
            ignoresResult.set(messages.get("channels.ignores.saved", saved.size()));
        }, e -> {
            ignoresOk.set(false);
            ignoresResult.set(UserErrors.describe(e, messages));
        });
    }

    public ObservableList<ChannelRow> rows() {
        return rows;
    }

    /** The alert-log ignore list as edited, one entry a line. */
    public StringProperty ignoresProperty() {
        return ignores;
    }

    public ReadOnlyStringProperty ignoresResultProperty() {
        return ignoresResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty ignoresOkProperty() {
        return ignoresOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
