package io.vigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import io.vigil.config.Alert;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.i18n.Messages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil alerts}: what is firing or pending now, as the collector that shares the config store keeps it. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "List the alerts that are firing or pending now.")
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Messages messages = new Messages(Messages.localeFor(""));
        List<Alert> open;
        try (ConfigStore store = stores.openConfigStore()) {
            open = store.alerts().open();
        } catch (ConfigStoreException e) {
            spec.commandLine().getErr().println(e.describe(messages));
            return 2;
        }
        if (open.isEmpty()) {
            out.println(messages.get("cli.alerts.none"));
            return 0;
        }
        Instant now = Instant.now();
        open.stream().sorted(Comparator.comparing((Alert a) -> a.severity()).reversed().thenComparing(Alert::pendingAt)).forEach(a -> {
            Instant since = a.firedAt() != null ? a.firedAt() : a.pendingAt();
            out.println(messages.get("cli.alerts.line", messages.get("cli.alerts.state." + a.state().name()), a.severity().name(),
                    a.targetName(), a.key().rule(), a.key().series().isEmpty() ? "" : " [" + a.key().series() + "]",
                    a.value() == null ? "" : " = " + a.value(),
                    Duration.between(since, now).toMinutes(), a.acknowledged() ? messages.get("cli.alerts.acked", a.ackBy()) : ""));
        });
        return open.stream().anyMatch(a -> a.state() == io.vigil.config.AlertState.FIRING) ? 1 : 0;
    }
}
