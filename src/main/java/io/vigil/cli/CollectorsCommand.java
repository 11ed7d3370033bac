package io.vigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import io.vigil.i18n.Messages;
import io.vigil.ledger.RedisLedger;
import io.vigil.team.TeamView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil collectors}: the collectors sharing the team's targets, with their targets and load. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = "List the collectors that share the targets through the team's Redis, with their targets and load.")
public final class CollectorsCommand implements Callable<Integer> {

    @Mixin
    ServerStoreOptions servers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Messages messages = new Messages(Messages.localeFor(""));
        if (servers.ledger == null) {
            spec.commandLine().getErr().println(messages.get("cli.collectors.needsRedis"));
            return 2;
        }
        var opened = servers.open();
        if (!(opened.ledger() instanceof RedisLedger ledger)) {
            spec.commandLine().getErr().println(messages.get("cli.collectors.needsRedis"));
            return 2;
        }
        try (TeamView view = TeamView.start(ledger, null)) {
            List<TeamView.CollectorInfo> all = view.collectors().values().stream().sorted(Comparator.comparing(TeamView.CollectorInfo::id)).toList();
            if (all.isEmpty()) {
                out.println(messages.get("cli.collectors.none"));
                return 1;
            }
            DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
            out.println(messages.get("cli.collectors.header"));
            Instant now = Instant.now();
            int held = 0;
            for (TeamView.CollectorInfo c : all) {
                held += c.targets().size();
                out.println(messages.get("cli.collectors.line", pad(c.id(), 33), pad(String.valueOf(c.targets().size()), 7),
                        pad(String.format(java.util.Locale.ROOT, "%.1f", c.jobsPerSecond()), 6), pad(c.lagP99Ms() + " ms", 8),
                        pad(c.spoolBytes() / 1024 + " KiB", 8), pad(String.valueOf(c.errorsLastMinute()), 6), pad(at.format(c.startedAt()), 16),
                        Duration.between(c.lastBeat(), now).toSeconds() + " s"));
            }
            out.println(messages.get("cli.collectors.total", all.size(), held));
            return 0;
        } catch (io.vigil.ledger.LedgerException | redis.clients.jedis.exceptions.JedisException e) {
            spec.commandLine().getErr().println(messages.get("cli.collectors.unreachable", servers.ledger, e.getMessage()));
            return 2;
        } finally {
            opened.ledger().close();
            if (opened.cache() != null) {
                opened.cache().close();
            }
            if (opened.series() != null) {
                opened.series().close();
            }
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
