package io.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigStores;
import io.vigil.config.Packs;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.schedule.LocalCollector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil collect}: runs the collector without a display, printing a status line per cycle. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Collect from every enabled target without a display, printing a status line per cycle.")
public final class CollectCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CollectCommand.class);

    @Mixin
    StoreOptions stores;

    @Mixin
    ServerStoreOptions servers;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "Stop after this long, e.g. 90s, 15m, 8h (default: until stopped).")
    Duration duration;

    @Option(names = "--config", paramLabel = "YAML", description = "Collect from the targets in this file instead of the config store.")
    Path configFile;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "15", description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--solo", description = "Collect every enabled target here even with a shared Redis ledger, taking no leases.")
    boolean solo;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "9",
            description = "With a Redis ledger: how long a target's lease lives without renewal; a stopped collector's targets move "
                    + "to the others within this and a third of it (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;

    @Option(names = "--http", paramLabel = "[ADDRESS:]PORT", converter = CollectorHttp.ListenConverter.class,
            description = "Serve GET /health (JSON) and GET /metrics (Prometheus) on this port, e.g. 9464 or 0.0.0.0:9464 "
                    + "(the address defaults to 127.0.0.1; default: off).")
    CollectorHttp.Listen http;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration limit = duration;
        AppDirs dirs = stores.dirs();
        io.vigil.i18n.Messages messages = new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(""));
        ConfigStore opened;
        try {
            opened = configFile == null ? stores.openConfigStore() : fromFile(configFile, messages);
        } catch (ConfigStoreException e) {
            spec.commandLine().getErr().println(e.describe(messages));
            return 2;
        }
        java.util.concurrent.atomic.AtomicReference<LocalCollector> running = new java.util.concurrent.atomic.AtomicReference<>();
        CollectorHttp server = null;
        if (http != null) {
            try {
                server = new CollectorHttp(http, () -> running.get().figures());
            } catch (java.io.IOException e) {
                opened.close();
                // Java says BindException both for a port in use and for an address that is not this machine's
                String why = e instanceof java.net.BindException && isOwnAddress(http.host()) ? "collect.http.portInUse" : "collect.http.cannotListen";
                io.vigil.i18n.Reason cause = io.vigil.config.NetworkFailures.find(e, java.net.UnknownHostException.class) != null
                        ? io.vigil.i18n.Reason.of("configStore.why.unknownHost") : io.vigil.i18n.Reason.of("collect.http.why.other");
                spec.commandLine().getErr().println(messages.get(why, http.host(), String.valueOf(http.port()), messages.render(cause)));
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
        try (ConfigStore store = opened; CollectorHttp served = server) {
            StatusLine line = new StatusLine(messages);
            io.vigil.watch.JobBoard board = new io.vigil.watch.JobBoard();
            io.vigil.watch.LatestValues latest = new io.vigil.watch.LatestValues();
            Clock clock = Clock.systemUTC();
            LocalCollector.Stores dataStores;
            try {
                dataStores = servers.open();
            } catch (io.vigil.schedule.DataStores.Refused e) {
                LOG.warn("Collector not started: {}", e.getMessage());
                spec.commandLine().getErr().println(messages.render(e.reason()));
                spec.commandLine().getErr().flush();
                return 2;
            }
            boolean share = dataStores.ledger() instanceof io.vigil.ledger.RedisLedger && !solo;
            io.vigil.team.TeamCollector team = share ? io.vigil.team.TeamCollector.start(dirs, store, dataStores, clock, board, line, latest::add,
                    Duration.ofSeconds(Math.max(3, leaseSeconds))) : null;
            LocalCollector local = team != null ? team.local() : LocalCollector.start(dirs, store, dataStores, clock, e -> {
                line.accept(e);
                board.accept(e);
            }, latest::add);
            StoreOptions.tellDamaged(spec.commandLine().getErr()); // the cache or series store found damaged and started anew
            if (team != null) {
                // a stop by the service manager hands the targets over at once instead of after the leases lapse
                Runtime.getRuntime().addShutdownHook(new Thread(team::close, "vigil-team-leave"));
            }
            try (AutoCloseable collecting = team != null ? team : local;
                 io.vigil.alert.Alerting alerting = io.vigil.alert.Alerting.forCollector(store, local,
                         new io.vigil.watch.BoardObservations(board, latest, clock), clock, n -> {
                     // the desktop channel of a collector without a desktop: the console's words, on standard output
                     out.println(io.vigil.alert.notify.Notifications.render(n, messages).plain());
                     out.flush();
                 })) {
                if (team != null) {
                    team.onAdopt(alerting::adopt);
                    out.println(messages.get("cli.collect.sharing", store.targets().size(), team.id(), messages.render(local.describe())));
                } else {
                    out.println(messages.get("cli.collect.start", local.collector().targets().size(), store.location(), messages.render(local.describe())));
                }
                if (served != null) {
                    running.set(local);
                    served.start();
                    out.println(messages.get("collect.http.serving", served.url()));
                }
                out.flush();
                long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(Math.min(every * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                    out.println(line.next(local.archive().spoolFill(), local.disk().sample()));
                    for (Map.Entry<String, String> e : line.errors().entrySet()) {
                        out.println("  " + e.getKey() + ": " + e.getValue());
                    }
                    out.flush();
                }
                out.println(messages.get("cli.collect.stopped", local.collector().lag().percentile(99), local.collector().lag().count()));
            }
        }
        return 0;
    }

    /** A scratch config store holding the packs and the file's targets; the data folder still holds the embedded stores. */
    private static ConfigStore fromFile(Path file, io.vigil.i18n.Messages messages) throws java.io.IOException {
        java.util.List<io.vigil.config.Target> targets = CollectorFile.read(file, messages);
        Path scratch = Files.createTempDirectory("vigil-collect");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Scratch.delete(scratch)));
        AppDirs dirs = new AppDirs(scratch);
        ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        Packs.installMissing(store);
        for (io.vigil.config.Target t : targets) {
            store.saveTarget(t.withId(0));
        }
        return store;
    }

    /** Whether {@code host} names an address of this machine (or any address, or loopback): where a port may be in use. */
    private static boolean isOwnAddress(String host) {
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(host);
            return a.isAnyLocalAddress() || a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
