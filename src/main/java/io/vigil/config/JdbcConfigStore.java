package io.vigil.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config store over JDBC (H2 or MySQL/MariaDB). Every save validates inside the same transaction that writes,
 * so two consoles saving the same name at once cannot both win.
 */
public final class JdbcConfigStore implements ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConfigStore.class);

    private final DataSource pool;
    private final AutoCloseable closer;
    private final String location;
    private final TargetTable targets;
    private final MirrorTable mirrors = new MirrorTable();
    private final MetricTable metrics = new MetricTable();

    JdbcConfigStore(DataSource pool, AutoCloseable closer, SecretBox box, String location) {
        this.pool = pool;
        this.closer = closer;
        this.location = location;
        this.targets = new TargetTable(box);
    }

    @Override
    public List<Target> targets() {
        return inTransaction("reading targets", targets::readAll);
    }

    @Override
    public Optional<Target> target(long id) {
        return targets().stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public Target saveTarget(Target target) {
        Target saved = inTransaction("saving target " + target.name(), c -> {
            refuse(Validation.target(target, targets.readAll(c)));
            return target.withId(targets.write(c, target));
        });
        LOG.info("Saved target {} ({})", saved.name(), saved.kind());
        return saved;
    }

    @Override
    public void deleteTarget(long id) {
        inTransaction("deleting a target", c -> {
            targets.delete(c, id);
            return null;
        });
    }

    @Override
    public List<MirrorDef> mirrors() {
        return inTransaction("reading mirrors", mirrors::readAll);
    }

    @Override
    public MirrorDef saveMirror(MirrorDef mirror) {
        return inTransaction("saving mirror " + mirror.name(), c -> {
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
        inTransaction("deleting a mirror", c -> {
            mirrors.delete(c, id);
            return null;
        });
    }

    @Override
    public List<MetricDef> metrics() {
        return inTransaction("reading metrics", metrics::readAll);
    }

    @Override
    public MetricDef saveMetric(MetricDef metric) {
        return inTransaction("saving metric " + metric.name(), c -> {
            refuse(Validation.metric(metric, metrics.readAll(c), mirrors.readAll(c)));
            return metric.withId(metrics.write(c, metric));
        });
    }

    @Override
    public void deleteMetric(long id) {
        inTransaction("deleting a metric", c -> {
            metrics.delete(c, id);
            return null;
        });
    }

    @Override
    public void saveAll(List<Target> newTargets, List<MirrorDef> newMirrors, List<MetricDef> newMetrics) {
        inTransaction("importing the configuration", c -> {
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
            return null;
        });
        LOG.info("Saved {} targets, {} mirrors and {} metrics in one transaction", newTargets.size(), newMirrors.size(), newMetrics.size());
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

    private static void refuse(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private <T> T inTransaction(String action, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(action, location, e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
