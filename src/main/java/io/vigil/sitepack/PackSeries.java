package io.vigil.sitepack;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.series.SeriesStore;
import io.vigil.series.SeriesStoreException;

/**
 * A pack's series: one file of whole series, each its metric, its tags, then its times and its values as two plain
 * arrays, written once, in series order, and read in place (mapped, never loaded into the heap). A week of minute
 * points for forty targets is a few hundred megabytes a store would write point by point and index; this is written
 * at the speed of the disk, compresses well in the zip (the times are a regular step) and answers a chart by a binary
 * search and one pass over the range.
 *
 * <pre>
 * file    := MAGIC(int) VERSION(int) series*
 * series  := metricLength(int) metric(UTF-8) tagsLength(int) canonicalTags(UTF-8) n(int) times(long × n) values(double × n)
 * </pre>
 * All numbers big-endian; each series' times ascend.
 */
final class PackSeries {

    static final int MAGIC = 0x56475331; // "VGS1"
    static final int VERSION = 1;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** Longer names than this are not a pack's: the file is damaged. */
    private static final int MAX_NAME = 1 << 16;

    private PackSeries() {
    }

    /** Writes series one after another; each added whole, with its times ascending. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private long series;
        private long points;

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
        }

        void add(SeriesKey key, long[] times, double[] values, int n) throws IOException {
            byte[] metric = key.metric().getBytes(StandardCharsets.UTF_8);
            byte[] tags = key.canonicalTags().getBytes(StandardCharsets.UTF_8);
            out.writeInt(metric.length);
            out.write(metric);
            out.writeInt(tags.length);
            out.write(tags);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeLong(times[i]);
            }
            for (int i = 0; i < n; i++) {
                out.writeDouble(values[i]);
            }
            series++;
            points += n;
        }

        long series() {
            return series;
        }

        long points() {
            return points;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * A growing series, as the writer gathers it a day at a time; times are taken in ascending order and a time already
     * held is not taken again.
     */
    static final class Growing {
        long[] times = new long[256];
        double[] values = new double[256];
        int n;

        void add(long t, double v) {
            if (n > 0 && t <= times[n - 1]) {
                return;
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            times[n] = t;
            values[n] = v;
            n++;
        }
    }

    /** Opens a written file read-only; throws {@link IOException} when it is not whole. */
    static Store open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            return new Store(file, arena, seg, index(seg));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e instanceof IOException io ? io : new IOException("the series file is not whole", e);
        }
    }

    private record Entry(SeriesKey key, long times, int n) {
    }

    private static Map<String, List<Entry>> index(MemorySegment seg) throws IOException {
        long size = seg.byteSize();
        if (size < 8 || seg.get(INT, 0) != MAGIC || seg.get(INT, 4) != VERSION) {
            throw new IOException("not a series file of this version");
        }
        Map<String, List<Entry>> out = new HashMap<>();
        long at = 8;
        while (at < size) {
            String metric = text(seg, at);
            at += 4 + seg.get(INT, at);
            String tags = text(seg, at);
            at += 4 + seg.get(INT, at);
            need(seg, at, 4);
            int n = seg.get(INT, at);
            at += 4;
            if (n < 0) {
                throw new IOException("a negative count");
            }
            need(seg, at, 16L * n);
            out.computeIfAbsent(metric, k -> new ArrayList<>()).add(new Entry(new SeriesKey(metric, SeriesKey.parseTags(tags)), at, n));
            at += 16L * n;
        }
        return out;
    }

    private static String text(MemorySegment seg, long at) throws IOException {
        need(seg, at, 4);
        int len = seg.get(INT, at);
        if (len < 0 || len > MAX_NAME) {
            throw new IOException("a name of " + len + " bytes");
        }
        need(seg, at + 4, len);
        return new String(seg.asSlice(at + 4, len).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    private static void need(MemorySegment seg, long at, long bytes) throws IOException {
        if (at + bytes > seg.byteSize()) {
            throw new IOException("cut short");
        }
    }

    /** The read-only store over a mapped series file. */
    static final class Store implements SeriesStore {
        private final Path file;
        private final Arena arena;
        private final MemorySegment seg;
        private final Map<String, List<Entry>> byMetric;

        private Store(Path file, Arena arena, MemorySegment seg, Map<String, List<Entry>> byMetric) {
            this.file = file;
            this.arena = arena;
            this.seg = seg;
            this.byMetric = byMetric;
        }

        /** How many series it holds. */
        int seriesCount() {
            return byMetric.values().stream().mapToInt(List::size).sum();
        }

        @Override
        public void write(List<Point> points) {
            throw new SeriesStoreException("A site pack is read-only: " + file);
        }

        /** As the stores answer: every matching series, each range cut into buckets from the range's start, each a mean. */
        @Override
        public List<Series> query(RangeQuery q) {
            List<Entry> entries = byMetric.getOrDefault(q.metric(), List.of());
            long from = q.from().toEpochMilli();
            long to = q.to().toEpochMilli();
            long b = q.bucketMillis();
            List<Series> out = new ArrayList<>();
            try {
                for (Entry e : entries.stream().sorted((x, y) -> x.key().canonicalTags().compareTo(y.key().canonicalTags())).toList()) {
                    if (!e.key().tags().entrySet().containsAll(q.tagFilter().entrySet())) {
                        continue;
                    }
                    out.add(read(e, from, to, b));
                }
            } catch (IllegalStateException closed) {
                throw new SeriesStoreException("The site pack was closed: " + file, closed);
            }
            return out;
        }

        private Series read(Entry e, long from, long to, long b) {
            int lo = firstAtOrAfter(e, from);
            int hi = firstAtOrAfter(e, to);
            long valuesAt = e.times() + 8L * e.n();
            long[] times = new long[Math.max(0, hi - lo)];
            double[] values = new double[times.length];
            int k = -1;
            long bucket = Long.MIN_VALUE;
            double sum = 0;
            int count = 0;
            for (int i = lo; i < hi; i++) {
                long t = seg.get(LONG, e.times() + 8L * i);
                double v = seg.get(DOUBLE, valuesAt + 8L * i);
                long bt = from + ((t - from) / b) * b;
                if (bt != bucket) {
                    if (k >= 0) {
                        values[k] = sum / count;
                    }
                    k++;
                    times[k] = bt;
                    bucket = bt;
                    sum = 0;
                    count = 0;
                }
                sum += v;
                count++;
            }
            if (k >= 0) {
                values[k] = sum / count;
            }
            return new Series(e.key(), Arrays.copyOf(times, k + 1), Arrays.copyOf(values, k + 1));
        }

        private int firstAtOrAfter(Entry e, long t) {
            int lo = 0;
            int hi = e.n();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seg.get(LONG, e.times() + 8L * mid) < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public String location() {
            return file.toString();
        }

        @Override
        public void close() {
            arena.close();
        }
    }
}
