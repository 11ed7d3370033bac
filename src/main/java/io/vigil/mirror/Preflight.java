package io.vigil.mirror;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vigil.config.MirrorDef;
import io.vigil.config.ServerVersion;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Reason;
import io.vigil.target.DemoOracles;
import io.vigil.target.FailureKind;
import io.vigil.target.Failures;
import io.vigil.target.JdbcSpec;
import io.vigil.target.ProbeResult;
import io.vigil.target.TargetConnections;
import io.vigil.target.TargetFailure;

/**
 * Tries every enabled mirror of a target once with its monitoring account, on one connection of its own with a timeout
 * per mirror: the rows are read up to the mirror's cap and dropped, nothing is written to the cache or the ledger. It tells, per mirror, whether
 * the account can read what the mirror reads, and what to grant when it cannot. Blocking: call it off the FX thread.
 */
public final class Preflight {

    /** What one mirror's try showed. */
    public enum State {
        OK,
        MISSING_PRIVILEGE,
        /** Not on this release, or reads views of an option pack the target has not licensed: not tried. */
        NOT_AVAILABLE,
        OTHER_ERROR
    }

    /**
     * One mirror's try.
     *
     * @param mirror the mirror's name
     * @param state  what it showed
     * @param reason why, for the reader (empty when OK)
     * @param grants the statements the mirror needs, when a privilege is missing
     */
    public record Outcome(String mirror, State state, Reason reason, List<String> grants) {

        public Outcome {
            reason = reason == null ? Reason.NONE : reason;
            grants = grants == null ? List.of() : List.copyOf(grants);
        }
    }

    /**
     * A whole pre-flight.
     *
     * @param connected whether the account could log in at all
     * @param failure   why it could not, when it could not
     * @param release   the release the server reports (UNKNOWN when not connected)
     * @param version   the server's own version text
     * @param cdb       whether an Oracle server is a container database (false when unknown or not Oracle)
     * @param outcomes  one per enabled mirror of the target's kind, in the order given
     */
    public record Report(boolean connected, Reason failure, ServerVersion release, String version, boolean cdb, List<Outcome> outcomes) {

        public Report {
            failure = failure == null ? Reason.NONE : failure;
            outcomes = List.copyOf(outcomes);
        }

        /** True when the account logs in and every mirror that can run here reads. */
        public boolean allOk() {
            return connected && outcomes.stream().allMatch(o -> o.state() == State.OK || o.state() == State.NOT_AVAILABLE);
        }

        public List<Outcome> missing() {
            return outcomes.stream().filter(o -> o.state() == State.MISSING_PRIVILEGE).toList();
        }

        /** This report with the grants each mirror missing a privilege needs, once the script for the server is known. */
        public Report withGrants(Function<String, List<String>> grantsOf) {
            return new Report(connected, failure, release, version, cdb, outcomes.stream()
                    .map(o -> o.state() == State.MISSING_PRIVILEGE ? new Outcome(o.mirror(), o.state(), o.reason(), grantsOf.apply(o.mirror())) : o)
                    .toList());
        }
    }

    private final TargetConnections connections;
    private final Duration perMirror;

    public Preflight(TargetConnections connections, Duration perMirror) {
        this.connections = connections;
        this.perMirror = perMirror;
    }

    public Preflight(TargetConnections connections) {
        this(connections, Duration.ofSeconds(10));
    }

    /** {@link #run(Target, List, Function)} without grants yet: the script depends on what the server turns out to be. */
    public Report run(Target target, List<MirrorDef> mirrors) {
        return run(target, mirrors, m -> List.of());
    }

    /**
     * Logs in once and tries each enabled mirror of the target's kind among {@code mirrors}; {@code grantsOf} gives the
     * statements a mirror needs (from the grant script), listed with a missing privilege.
     */
    public Report run(Target target, List<MirrorDef> mirrors, Function<String, List<String>> grantsOf) {
        ProbeResult probe = connections.probe(target);
        if (!probe.ok()) {
            return new Report(false, probe.failure().reason(), ServerVersion.UNKNOWN, "", false, List.of());
        }
        JdbcSpec spec = connections.spec(target);
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(spec.url(), spec.props())) {
            c.setReadOnly(true);
            ServerVersion release = connections.release(target, c.getMetaData());
            boolean cdb = cdb(target, c);
            for (MirrorDef m : mirrors) {
                if (m.enabled() && m.kind() == target.kind().packKind()) {
                    outcomes.add(tryOne(target, c, m, release, spec.address(), grantsOf));
                }
            }
            return new Report(true, Reason.NONE, release, probe.version(), cdb, outcomes);
        } catch (SQLException e) {
            TargetFailure f = Failures.classify(Failures.connecting(), spec.address(), e);
            return new Report(false, f.reason(), probe.release(), probe.version(), false, outcomes);
        }
    }

    private Outcome tryOne(Target target, Connection c, MirrorDef m, ServerVersion release, String address,
                           Function<String, List<String>> grantsOf) {
        if (!m.allowedWith(target.licensed())) {
            return new Outcome(m.name(), State.NOT_AVAILABLE, Reason.of("preflight.unlicensed", Reason.of("licence." + m.licence().name())), null);
        }
        if (!m.runsOn(release)) {
            return new Outcome(m.name(), State.NOT_AVAILABLE, Reason.of("preflight.tooNew", m.minVersion(), release.toString()), null);
        }
        String sql = m.readFor(release).sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        try (Statement s = c.createStatement()) {
            if (Pull.storesAnyBytes(c, target.kind())) {
                c.setAutoCommit(false); // the bytes as stored, as the mirror reads them, for this try's transaction only
                Pull.textAsBytes(c, target.kind());
            }
            // Read as far as the mirror would, keeping nothing: a server computes rows as they are fetched, and a
            // privilege can fail on a later row only (PostgreSQL sizes each database a role may not enter so).
            s.setMaxRows(m.rowCap());
            s.setQueryTimeout((int) Math.max(1, perMirror.toSeconds()));
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    // discarded: nothing reaches the cache
                }
            }
            return new Outcome(m.name(), State.OK, Reason.NONE, null);
        } catch (SQLException e) {
            TargetFailure f = Failures.classify(Failures.reading(m.name()), address, e);
            return f.kind() == FailureKind.MISSING_PRIVILEGE
                    ? new Outcome(m.name(), State.MISSING_PRIVILEGE, f.reason(), grantsOf.apply(m.name()))
                    : new Outcome(m.name(), State.OTHER_ERROR, f.reason(), null);
        } finally {
            endRead(c);
        }
    }

    // PostgreSQL aborts a transaction after an error; with autocommit on each try stands alone, but a driver that
    // opened one is told to end it so the next mirror is tried afresh
    private static void endRead(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the next try reports whatever is wrong with the connection
        }
    }

    /**
     * The flavour of script a target most likely needs before anyone has connected: a demo target plays the release
     * its database field names; otherwise the kind's usual one.
     */
    public static io.vigil.config.GrantFlavour likelyFlavour(Target target) {
        if (target.kind() == TargetKind.DEMO_ORACLE) {
            int[] v = DemoOracles.version(target);
            return io.vigil.config.GrantFlavour.of(TargetKind.ORACLE, new ServerVersion(v[0], v[1], 0), DemoOracles.cdb(target));
        }
        return io.vigil.config.GrantFlavour.guess(target.kind());
    }

    /** The flavour of script the server of a pre-flight that connected needs. */
    public static io.vigil.config.GrantFlavour flavourOf(Target target, Report report) {
        return report.connected() ? io.vigil.config.GrantFlavour.of(target.kind(), report.release(), report.cdb()) : likelyFlavour(target);
    }

    /** Whether an Oracle server is a container database: the demo says what it plays, a real one its V$DATABASE. */
    private static boolean cdb(Target target, Connection c) {
        if (target.kind() == TargetKind.DEMO_ORACLE) {
            return DemoOracles.cdb(target);
        }
        if (target.kind() != TargetKind.ORACLE) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cdb FROM v$database")) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            return false; // 11g has no CDB column, and an account without the grant cannot tell: a non-CDB is assumed
        }
    }
}
