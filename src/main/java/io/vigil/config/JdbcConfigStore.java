package io.vigil.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Reason;

/**
 * The config store over JDBC (H2 or MySQL/MariaDB). Every save validates inside the same transaction that writes,
 * so two consoles saving the same name at once cannot both win.
 */
public final class JdbcConfigStore implements ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConfigStore.class);

    private final AutoCloseable closer;
    private final String location;
    private final TargetTable targets;
    private final MirrorTable mirrors = new MirrorTable();
    private final MetricTable metrics = new MetricTable();
    private final RuleTable rules = new RuleTable();
    private final ChannelTable channels;
    private final MuteTable mutes = new MuteTable();
    private final Transactions tx;
    private final AlertStore alerts;

    private final SecretBox box;

    JdbcConfigStore(DataSource pool, AutoCloseable closer, SecretBox box, String location) {
        this(pool, closer, box, location, null);
    }

    /** With {@code folder}, the folder of an embedded store's file: a write its full disk refused is said as such. */
    JdbcConfigStore(DataSource pool, AutoCloseable closer, SecretBox box, String location, java.nio.file.Path folder) {
        this.box = box;
        this.closer = closer;
        this.location = location;
        this.targets = new TargetTable(box);
        this.channels = new ChannelTable(box);
        this.tx = new Transactions(pool, location, folder);
        this.alerts = new JdbcAlertStore(tx);
    }

    @Override
    public List<Target> targets() {
        return inTransaction(Reason.of("configStore.action.readingTargets"), targets::readAll);
    }

    @Override
    public Optional<Target> target(long id) {
        return targets().stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public Target saveTarget(Target target) {
        Target saved = inTransaction(Reason.of("configStore.action.savingTarget", target.name()), c -> {
            refuse(Validation.target(target, targets.readAll(c)));
            return target.withId(targets.write(c, target));
        });
        LOG.info("Saved target {} ({})", saved.name(), saved.kind());
        return saved;
    }

    @Override
    public void deleteTarget(long id) {
        inTransaction(Reason.of("configStore.action.deletingTarget"), c -> {
            targets.delete(c, id);
            return null;
        });
    }

    @Override
    public List<MirrorDef> mirrors() {
        return inTransaction(Reason.of("configStore.action.readingMirrors"), mirrors::readAll);
    }

    @Override
    public MirrorDef saveMirror(MirrorDef mirror) {
        return inTransaction(Reason.of("configStore.action.savingMirror", mirror.name()), c -> {
            List<MirrorDef> stored = mirrors.readAll(c);
            refuse(Validation.mirror(mirror, stored));
            long id = mirrors.write(c, mirror);
            for (MirrorDef old : stored) {
                if (mirror.id() > 0 && old.id() == mirror.id() && !old.name().equals(mirror.name())) {
                    followRename(c, old, mirror);
                }
            }
            return mirror.withId(id);
        });
    }

    // Metrics name the mirrors they read: a renamed mirror takes its readers along, in the same transaction.
    private void followRename(Connection c, MirrorDef old, MirrorDef renamed) throws SQLException {
        int moved = 0;
        for (MetricDef m : metrics.readAll(c)) {
            MetricDef now = m.afterRename(old, renamed);
            if (now != m) {
                metrics.write(c, now);
                moved++;
            }
        }
        if (moved > 0) {
            LOG.info("Mirror {} renamed to {}: {} metrics read it under the new name", old.name(), renamed.name(), moved);
        }
    }

    @Override
    public void deleteMirror(long id) {
        inTransaction(Reason.of("configStore.action.deletingMirror"), c -> {
            mirrors.delete(c, id);
            return null;
        });
    }

    @Override
    public List<MetricDef> metrics() {
        return inTransaction(Reason.of("configStore.action.readingMetrics"), metrics::readAll);
    }

    @Override
    public MetricDef saveMetric(MetricDef metric) {
        return inTransaction(Reason.of("configStore.action.savingMetric", metric.name()), c -> {
            refuse(Validation.metric(metric, metrics.readAll(c), mirrors.readAll(c)));
            return metric.withId(metrics.write(c, metric));
        });
    }

    @Override
    public void deleteMetric(long id) {
        inTransaction(Reason.of("configStore.action.deletingMetric"), c -> {
            metrics.delete(c, id);
            return null;
        });
    }

    @Override
    public void saveAll(List<Target> newTargets, List<MirrorDef> newMirrors, List<MetricDef> newMetrics, List<AlertRule> newRules) {
        inTransaction(Reason.of("configStore.action.importingConfiguration"), c -> {
            for (Target t : newTargets) {
                refuse(Validation.target(t, targets.readAll(c)));
                targets.write(c, t);
            }
            for (MirrorDef m : newMirrors) {
                refuse(Validation.mirror(m, mirrors.readAll(c)));
                mirrors.write(c, m);
            }
            for (MetricDef m : newMetrics) {
                refuse(Validation.metric(m, metrics.readAll(c), mirrors.readAll(c)));
                metrics.write(c, m);
            }
            for (AlertRule r : newRules) {
                refuse(Validation.rule(r, rules.readAll(c), metrics.readAll(c), mirrors.readAll(c)));
                rules.write(c, r);
            }
            return null;
        });
        LOG.info("Saved {} targets, {} mirrors, {} metrics and {} alert rules in one transaction", newTargets.size(), newMirrors.size(),
                newMetrics.size(), newRules.size());
    }

    @Override
    public List<AlertRule> rules() {
        return inTransaction(Reason.of("configStore.action.readingAlertRules"), rules::readAll);
    }

    @Override
    public AlertRule saveRule(AlertRule rule) {
        return inTransaction(Reason.of("configStore.action.savingAlertRule", rule.name()), c -> {
            refuse(Validation.rule(rule, rules.readAll(c), metrics.readAll(c), mirrors.readAll(c)));
            return rule.withId(rules.write(c, rule));
        });
    }

    @Override
    public void deleteRule(long id) {
        inTransaction(Reason.of("configStore.action.deletingAlertRule"), c -> {
            rules.delete(c, id);
            return null;
        });
    }

    @Override
    public List<ChannelDef> channels() {
        return inTransaction(Reason.of("configStore.action.readingNotificationChannels"), channels::readAll);
    }

    @Override
    public ChannelDef saveChannel(ChannelDef channel) {
        return inTransaction(Reason.of("configStore.action.savingChannel", channel.name()), c -> {
            refuse(Validation.channel(channel, channels.readAll(c)));
            return channel.withId(channels.write(c, channel));
        });
    }

    @Override
    public void deleteChannel(long id) {
        inTransaction(Reason.of("configStore.action.deletingChannel"), c -> {
            channels.delete(c, id);
            return null;
        });
    }

    @Override
    public List<MuteWindow> mutes(java.time.Instant now) {
        return inTransaction(Reason.of("configStore.action.readingMuteWindows"), c -> mutes.current(c, now));
    }

    @Override
    public MuteWindow saveMute(MuteWindow mute) {
        return inTransaction(Reason.of("configStore.action.savingMuteWindow"), c -> {
            refuse(Validation.mute(mute));
            long id = mutes.write(c, mute);
            return new MuteWindow(id, mute.targetName(), mute.ruleName(), mute.starts(), mute.ends(), mute.reason(), mute.createdBy());
        });
    }

    @Override
    public void deleteMute(long id) {
        inTransaction(Reason.of("configStore.action.deletingMuteWindow"), c -> {
            mutes.delete(c, id);
            return null;
        });
    }

    @Override
    public List<String> eventIgnores() {
        return inTransaction(Reason.of("configStore.action.readingAlertLogsIgnoreList"), mutes::ignores);
    }

    @Override
    public void saveEventIgnores(List<String> patterns) {
        inTransaction(Reason.of("configStore.action.savingAlertLogsIgnoreList"), c -> {
            mutes.replaceIgnores(c, patterns);
            return null;
        });
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("Closing the config store at {} failed: {}", location, e.toString());
        }
    }

    /**
     * Encrypts every stored password (targets' and notification channels') again with {@code to}, in one transaction:
     * all of them, or none. Used when the master password is set, changed or removed.
     */
    void reseal(SecretBox to) {
        int done = inTransaction(Reason.of("configStore.action.encryptingStoredPasswordsAgain"), c ->
                reseal(c, "target", "password_enc", to) + reseal(c, "notify_channel", "secret_enc", to));
        LOG.info("Encrypted {} stored passwords again", done);
    }

    private int reseal(java.sql.Connection c, String table, String column, SecretBox to) throws java.sql.SQLException {
        java.util.Map<Long, String> sealed = new java.util.LinkedHashMap<>();
        try (var ps = c.prepareStatement("SELECT id, " + column + " FROM " + table); var rs = ps.executeQuery()) {
            while (rs.next()) {
                sealed.put(rs.getLong(1), rs.getString(2));
            }
        }
        try (var ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
            for (var e : sealed.entrySet()) {
                ps.setString(1, to.seal(box.open(e.getValue())));
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return sealed.size();
    }

    private static void refuse(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private <T> T inTransaction(Reason action, Transactions.SqlWork<T> work) {
        return tx.run(action, work);
    }
}
