package io.vigil.target;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.config.Target;
import io.vigil.target.demo.DemoOracle;

/** The running demo Oracle instances, one per demo target, started on first use and stopped with the collector. */
public final class DemoOracles implements AutoCloseable {

    private final Map<Long, DemoOracle> running = new ConcurrentHashMap<>();

    public JdbcSpec spec(Target t) {
        boolean cdb = cdb(t);
        DemoOracle demo = running.compute(t.id(), (id, was) -> {
            if (was != null && was.cdb() == cdb) {
                return was;
            }
            if (was != null) {
                was.close(); // told to play the other kind of database: it starts afresh as that
            }
            return DemoOracle.start("DEMO", cdb);
        });
        Properties p = new Properties();
        p.setProperty("user", "vigil");
        p.setProperty("password", "");
        return new JdbcSpec(demo.jdbcUrl(), p, "Demo Oracle " + t.name());
    }

    /**
     * The Oracle version a demo target answers as: 19.0, or the release its database field names ("11.2", "12.1"), so
     * the version-gated mirrors of the pack can be seen skipping as they would on an older server.
     */
    public static int[] version(Target t) {
        java.util.regex.Matcher m = RELEASE.matcher(t.database() == null ? "" : t.database().strip());
        return m.matches() && m.group(1) != null ? new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))}
                : new int[] {19, 0};
    }

    /**
     * Whether a demo target plays a container database with three PDBs: its database field says CDB ("CDB", "12.2 CDB").
     * Releases before 12.1 have no multitenant, so "11.2 CDB" plays a non-CDB 11.2.
     */
    public static boolean cdb(Target t) {
        java.util.regex.Matcher m = RELEASE.matcher(t.database() == null ? "" : t.database().strip());
        return m.matches() && m.group(3) != null && version(t)[0] >= 12;
    }

    private static final java.util.regex.Pattern RELEASE =
            java.util.regex.Pattern.compile("(?:(\\d{1,2})(?:\\.(\\d{1,2}))?)?\\s*((?i:cdb))?");

    /** The running instance of a demo target, if it has started. */
    public java.util.Optional<DemoOracle> running(long targetId) {
        return java.util.Optional.ofNullable(running.get(targetId));
    }

    /** Stops a demo target's instance (it starts afresh on next use). */
    public void stop(long targetId) {
        DemoOracle demo = running.remove(targetId);
        if (demo != null) {
            demo.close();
        }
    }

    @Override
    public void close() {
        running.keySet().forEach(this::stop);
    }
}
