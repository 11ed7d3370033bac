package io.vigil.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AlertStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.EventType;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.gather.InstanceStart;
import io.vigil.i18n.Messages;
import io.vigil.ledger.LedgerException;
import io.vigil.ledger.SyncLedger;
import io.vigil.ledger.SyncRecord;

/**
 * Restarts as events: each cycle, every target's instance start as its pack reads it from the cache (Oracle's
 * STARTUP_TIME, PostgreSQL's postmaster start, MySQL's Uptime taken from the time the status was read). A start that
 * moved forward is a restart. Each new start is kept in the store, so the first look after a collector starts compares with
 * the start the last collector saw: a restart while nobody watched is told once; a target never seen before only takes note.
 */
public final class RestartSource implements Alerting.EventSource {

    private static final Logger LOG = LoggerFactory.getLogger(RestartSource.class);
    /** The category of restart events, which EVENT rules can watch. */
    public static final String CATEGORY = "RESTART";
    /**
     * Starts closer than this are the same start: one derived from uptime moves by the seconds between reading the status
     * and taking its time, and no instance restarts twice within half a minute of being started.
     */
    static final Duration SAME_START = Duration.ofSeconds(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final DataSource cache;
    private final SyncLedger ledger;
    private final AlertStore store;
    private final Map<TargetKind, String> startSql;
    private final Messages messages;
    private final ZoneId zone;
    private final Map<Long, Instant> known = new HashMap<>();

    /**
     * @param cache    where the packs' mirrors write
     * @param ledger   when each mirror last synced (the moment a MySQL uptime was true); null takes the cycle's time
     * @param store    where earlier restarts are kept
     * @param startSql per pack kind, the SQL over the cache that gives the instance start (see {@link InstanceStart})
     * @param messages the language event texts are written in
     * @param zone     the zone of the times in the texts
     */
    public RestartSource(DataSource cache, SyncLedger ledger, AlertStore store, Map<TargetKind, String> startSql, Messages messages,
                         ZoneId zone) {
        this.cache = cache;
        this.ledger = ledger;
        this.store = store;
        this.startSql = Map.copyOf(startSql);
        this.messages = messages;
        this.zone = zone;
    }

    /** The start SQL of the shipped packs, as the collector uses it for counter rates. */
    public static Map<TargetKind, String> shippedStarts() {
        Map<TargetKind, String> sql = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : new TargetKind[] {TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES}) {
            String s = Packs.shipped(kind).instanceStart();
            if (s != null && !s.isBlank()) {
                sql.put(kind, s);
            }
        }
        return sql;
    }

    @Override
    public List<VigilEvent> poll(RulePlan plan, Instant now) {
        List<VigilEvent> out = new ArrayList<>();
        for (Target t : plan.targets()) {
            String sql = startSql.get(t.kind().packKind());
            if (!t.enabled() || sql == null) {
                continue;
            }
            Optional<Instant> start = start(t, sql, plan, now);
            if (start.isEmpty()) {
                continue;
            }
            try {
                look(t, start.get(), now).ifPresent(out::add);
            } catch (ConfigStoreException e) {
                LOG.warn("Earlier restarts of {} not read; looking again next cycle: {}", t.name(), e.getMessage());
            }
        }
        return out;
    }

    private Optional<VigilEvent> look(Target t, Instant start, Instant now) {
        Instant before = known.containsKey(t.id()) ? known.get(t.id()) : stored(t);
        if (before == null || Duration.between(before, start).abs().compareTo(SAME_START) > 0) {
            known.put(t.id(), start);
            store.instanceStarted(t.id(), start, now); // kept, so a restart while no collector runs is told when one starts
        } else {
            known.putIfAbsent(t.id(), before); // the same life: keep the start first seen, so wobbles never add up
        }
        if (before == null || !start.isAfter(before.plus(SAME_START))) {
            return Optional.empty();
        }
        LOG.info("{} restarted: its instance started at {}, it had been up since {}", t.name(), start, before);
        return Optional.of(new VigilEvent(0, t.id(), t.name(), start, EventType.RESTART, CATEGORY, Severity.WARN, "",
                messages.get("event.restart.text", time(start), time(before))));
    }

    // The start kept by an earlier run of a collector, or failing that the last restart told.
    private Instant stored(Target t) {
        return store.instanceStart(t.id()).or(() -> store.lastEvent(t.id(), EventType.RESTART).map(VigilEvent::at)).orElse(null);
    }

    // Nothing to read before the first mirror run (the table is not there yet) or while the mirror fails: no start, no news.
    private Optional<Instant> start(Target t, String sql, RulePlan plan, Instant now) {
        try (Connection c = cache.getConnection()) {
            return InstanceStart.read(c, sql, t.id(), readAt(t, sql, plan, now));
        } catch (SQLException e) {
            LOG.debug("No instance start for {} yet: {}", t.name(), e.getMessage());
            return Optional.empty();
        } catch (LedgerException e) {
            LOG.debug("When {}'s start was read is not known: {}", t.name(), e.getMessage());
            return Optional.empty();
        }
    }

    // An uptime is true when its mirror read it, not when this cycle looks at it: with a mirror that lags or fails, now
    // minus uptime would creep forward and look like a restart.
    private Instant readAt(Target t, String sql, RulePlan plan, Instant now) {
        if (ledger == null) {
            return now;
        }
        Instant at = null;
        for (MirrorDef m : plan.mirrorsOf(t.kind())) {
            if (!reads(sql, m.cacheTable())) {
                continue;
            }
            Optional<SyncRecord> last = ledger.last(t.id(), m.name());
            if (last.isPresent() && (at == null || last.get().syncedAt().isAfter(at))) {
                at = last.get().syncedAt();
            }
        }
        return at == null ? now : at;
    }

    static boolean reads(String sql, String table) {
        return table != null && !table.isBlank()
                && Pattern.compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}
