package io.vigil.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.vigil.schedule.StatusEvent;
import io.vigil.series.Point;
import io.vigil.series.SeriesKey;
import io.vigil.watch.JobBoard;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

/**
 * Publishes what a collector does, in batches: every second, the job states that changed and the newest point of every
 * series that moved go to keys per target ({@code jobs:<target>}, {@code latest:<target>}: a console opened late reads
 * everything at once) and, as one message, to the {@code events} channel (consoles already watching apply it). Status
 * events and points only queue here; nothing waits on Redis on the collector's threads.
 */
final class Publisher implements Consumer<StatusEvent> {

    /** How long published state outlives its last update (a target deleted, a collector gone for good). */
    static final long KEEP_SECONDS = 24 * 3600;

    private record Dirty(long targetId, io.vigil.schedule.JobKey job) {
    }

    private final RedisClient redis;
    private final TeamKeys keys;
    private final String collectorId;
    private final JobBoard board;
    private final Set<Dirty> dirty = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<List<Point>> points = new ConcurrentLinkedQueue<>();

    Publisher(RedisClient redis, TeamKeys keys, String collectorId, JobBoard board) {
        this.redis = redis;
        this.keys = keys;
        this.collectorId = collectorId;
        this.board = board;
    }

    @Override
    public void accept(StatusEvent e) {
        dirty.add(new Dirty(e.targetId(), e.job()));
    }

    /** Queues an archived batch; only the newest point per series is published. */
    void points(List<Point> batch) {
        points.add(batch);
    }

    /**
     * Sends what changed since the last flush. {@code ids} maps target names to ids (points carry the name);
     * {@code nextRun} gives a job's next planned start, or null.
     */
    void flush(Map<String, Long> ids, BiFunction<Long, io.vigil.schedule.JobKey, Long> nextRun) {
        List<Wire.Job> jobs = new ArrayList<>();
        for (Dirty d : new ArrayList<>(dirty)) {
            dirty.remove(d);
            board.job(d.targetId(), d.job()).ifPresent(s -> jobs.add(Wire.Job.of(s, nextRun.apply(d.targetId(), d.job()), collectorId)));
        }
        Map<SeriesKey, Point> newest = new HashMap<>();
        for (List<Point> batch; (batch = points.poll()) != null; ) {
            for (Point p : batch) {
                newest.merge(p.key(), p, (a, b) -> b.time().isBefore(a.time()) ? a : b);
            }
        }
        if (jobs.isEmpty() && newest.isEmpty()) {
            return;
        }
        List<Wire.Sample> samples = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        try (Pipeline p = redis.pipelined()) {
            for (Wire.Job j : jobs) {
                p.hset(keys.jobs(j.t()), j.j().kind().name() + " " + j.j().name(), Wire.write(j));
                touched.add(keys.jobs(j.t()));
            }
            for (Point pt : newest.values()) {
                Long id = ids.get(pt.tags().getOrDefault("target", ""));
                if (id == null) {
                    continue;
                }
                Wire.Sample s = Wire.Sample.of(pt);
                samples.add(s);
                p.hset(keys.latest(id), pt.key().toString(), Wire.write(s));
                touched.add(keys.latest(id));
            }
            touched.forEach(k -> p.expire(k, KEEP_SECONDS));
            p.publish(keys.events(), Wire.write(new Wire.Batch(collectorId, jobs, samples)));
            p.sync();
        }
    }
}
