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
        DemoOracle demo = running.computeIfAbsent(t.id(), id -> DemoOracle.start("DEMO"));
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
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))} : new int[] {19, 0};
    }

    private static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile("(\\d{1,2})(?:\\.(\\d{1,2}))?");

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
