package io.vigil.target.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Oracle instance: an in-memory H2 database in Oracle mode with the 19c dictionary views the Oracle pack
 * reads, and a workload that moves them once a second. Oracle SQL runs on it unchanged: readers connect through
 * {@link DemoDriver}, which gives H2 Oracle's arithmetic, functions and (+) joins (see {@link DemoDialect}). One per demo
 * target, living as long as the collector that reads it.
 */
public final class DemoOracle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOracle.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /**
     * H2 keywords that Oracle's views use as column names (VALUE), or that Oracle lets a query use as a name (AS hour,
     * AS session_user): not OFFSET, which 12c's OFFSET ... FETCH needs as a keyword.
     */
    static final String URL_OPTIONS = ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,DAY,HOUR,MINUTE,SECOND,MONTH,YEAR,KEY,"
            + "SESSION_USER,SYSTEM_USER,CURRENT_SCHEMA,CURRENT_CATALOG,CURRENT_PATH,CURRENT_ROLE,GROUPS,QUALIFY,WINDOW,TOP,LIMIT,UESCAPE;DB_CLOSE_DELAY=-1";

    static {
        DemoDriver.register();
    }

    private final String url;
    private final Connection owner;
    private final DemoWorkload workload;
    private final Clock clock;
    private ScheduledExecutorService ticker;
    private final java.util.Map<DemoPressure, Instant> pressures = new java.util.EnumMap<>(DemoPressure.class);
    private final boolean cdb;

    private DemoOracle(String name, Clock clock, long seed, boolean cdb) throws SQLException {
        this.clock = clock;
        this.cdb = cdb;
        this.url = "jdbc:h2:mem:demo_oracle_" + INSTANCES.incrementAndGet() + URL_OPTIONS;
        this.owner = DriverManager.getConnection(url, "vigil", "");
        Random random = new Random(seed);
        Instant now = clock.instant();
        owner.setAutoCommit(false);
        DemoSchema.create(owner);
        DemoFunctions.create(owner);
        DemoSeed.seed(owner, name, now, random);
        DemoEstate.seed(owner, name, now, cdb);
        this.workload = new DemoWorkload(random, new Random(~seed), now.minusSeconds(60));
        workload.tick(owner, now); // a first minute of activity, so the first pull already has figures
        owner.commit();
    }

    /** Creates the instance (schema and seed) without starting its clock; {@link #tick()} moves it. */
    public static DemoOracle create(String name, Clock clock, long seed) {
        return create(name, clock, seed, false);
    }

    /** As {@link #create(String, Clock, long)}, as a container database with pluggable databases when {@code cdb}. */
    public static DemoOracle create(String name, Clock clock, long seed, boolean cdb) {
        try {
            return new DemoOracle(name, clock, seed, cdb);
        } catch (SQLException e) {
            throw new IllegalStateException("the demo Oracle could not be created: " + e.getMessage(), e);
        }
    }

    /** Creates the instance and moves it once a second until closed. */
    public static DemoOracle start(String name) {
        return start(name, false);
    }

    /** As {@link #start(String)}, as a container database with pluggable databases when {@code cdb}. */
    public static DemoOracle start(String name, boolean cdb) {
        DemoOracle demo = create(name, Clock.systemUTC(), System.nanoTime(), cdb);
        demo.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-demo-oracle-" + name);
            t.setDaemon(true);
            return t;
        });
        demo.ticker.scheduleAtFixedRate(demo::tickQuietly, 1, 1, TimeUnit.SECONDS);
        return demo;
    }

    /** Whether it plays a container database (V$CONTAINERS lists the root, the seed and its PDBs). */
    public boolean cdb() {
        return cdb;
    }

    /** The JDBC URL readers use (user {@code vigil}, no password): Oracle SQL passes {@link DemoDialect} on its way to H2. */
    public String jdbcUrl() {
        return DemoDriver.url(url);
    }

    /** Advances the instance to the clock's now, in one transaction: readers see a whole tick or none. */
    public synchronized void tick() throws SQLException {
        try {
            workload.tick(owner, clock.instant());
            applyPressures();
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        }
    }

    /** Puts the instance in trouble on purpose, from now until {@link #relieve(DemoPressure)}; applied at once. */
    public synchronized void press(DemoPressure pressure) throws SQLException {
        pressures.putIfAbsent(pressure, clock.instant());
        applyPressures();
        owner.commit();
    }

    /** Ends a pressure; the workload's own figures return from the next tick. */
    public synchronized void relieve(DemoPressure pressure) throws SQLException {
        if (pressures.remove(pressure) != null) {
            pressure.clear(owner);
            owner.commit();
        }
    }

    /** The pressures that hold now. */
    public synchronized java.util.Set<DemoPressure> pressures() {
        return java.util.Set.copyOf(pressures.keySet());
    }

    private void applyPressures() throws SQLException {
        Instant now = clock.instant();
        for (var e : pressures.entrySet()) {
            e.getKey().apply(owner, java.time.Duration.between(e.getValue(), now).toSeconds());
        }
    }

    /** The workload's Top Activity episodes, for tests that wait for one. */
    DemoBursts bursts() {
        return workload.bursts();
    }

    /** Restarts the instance now (also happens by itself, rarely). */
    public synchronized void restart() throws SQLException {
        workload.restart(owner, clock.instant());
        owner.commit();
    }

    /** Writes an incident to the alert log now (they also happen by themselves, rarely). */
    public synchronized void inject(DemoIncident kind) throws SQLException {
        try {
            workload.incident(owner, clock.instant(), kind);
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The demo Oracle's workload failed a tick: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        try (var s = owner.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Demo Oracle shutdown: {}", e.getMessage());
        }
    }
}
