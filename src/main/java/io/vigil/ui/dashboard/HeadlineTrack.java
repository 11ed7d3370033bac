package io.vigil.ui.dashboard;

import java.time.Instant;
import java.util.Arrays;

import io.vigil.config.Headline;

/**
 * One headline of the dashboard's target: its current figure and the last values it had, newest last, at most
 * {@code capacity} of them. A value joins the history only when its point is newer than the last one, so the history
 * moves with the target's picks (every 15 s or so), not with the console's once-a-second refresh.
 */
public final class HeadlineTrack {

    private final Headline headline;
    private final double[] values;
    private final Instant[] times;
    private int start;
    private int size;
    private long appended;
    private Figure figure;

    public HeadlineTrack(Figure initial, int capacity) {
        this.headline = initial.headline();
        this.values = new double[capacity];
        this.times = new Instant[capacity];
        this.figure = initial;
        add(initial);
    }

    /** Takes the latest figure; returns whether a value joined the history. */
    public boolean update(Figure latest) {
        // Until the collector's own first pick, the newest value read from the series store stands as the figure.
        figure = latest.value().isEmpty() && size > 0 ? latest.at(last(), times[index(size - 1)]) : latest;
        return add(latest);
    }

    private boolean add(Figure f) {
        if (f.value().isEmpty() || f.time().isEmpty()) {
            return false;
        }
        Instant t = f.time().get();
        if (size > 0 && !t.isAfter(times[index(size - 1)])) {
            return false;
        }
        if (size == values.length) {
            start = (start + 1) % values.length;
            size--;
        }
        values[index(size)] = f.value().getAsDouble();
        times[index(size)] = t;
        size++;
        appended++;
        return true;
    }

    /**
     * Puts earlier values (from the series store, oldest first) before the history, so a dashboard opened on a target
     * shows its recent past at once instead of filling in at the pick interval. Values not older than the oldest one
     * held are ignored, and only the newest {@code capacity} are kept. Returns how many joined.
     */
    public int backfill(long[] epochMillis, double[] earlier) {
        Instant first = size == 0 ? null : times[index(0)];
        int n = 0;
        while (n < epochMillis.length && (first == null || epochMillis[n] < first.toEpochMilli())) {
            n++;
        }
        int room = values.length - size;
        int take = Math.min(n, room);
        if (take == 0) {
            return 0;
        }
        double[] keepValues = values();
        Instant[] keepTimes = new Instant[size];
        for (int i = 0; i < size; i++) {
            keepTimes[i] = times[index(i)];
        }
        start = 0;
        int k = 0;
        for (int i = n - take; i < n; i++, k++) {
            values[k] = earlier[i];
            times[k] = Instant.ofEpochMilli(epochMillis[i]);
        }
        for (int i = 0; i < keepValues.length; i++, k++) {
            values[k] = keepValues[i];
            times[k] = keepTimes[i];
        }
        size = k;
        appended += take;
        if (figure.value().isEmpty()) { // nothing live yet: the newest value read is the figure, with its own age
            figure = figure.at(last(), times[index(size - 1)]);
        }
        return take;
    }

    private int index(int i) {
        return (start + i) % values.length;
    }

    public Headline headline() {
        return headline;
    }

    public Figure figure() {
        return figure;
    }

    public boolean gauge() {
        return headline.gauge();
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    /** How many values ever joined the history (more than {@link #size()} once old ones drop out), so a view can add only the new ones. */
    public long appended() {
        return appended;
    }

    /** The history, oldest first. */
    public double[] values() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[index(i)];
        }
        return out;
    }

    /** The newest value in the history (NaN when it is empty). */
    public double last() {
        return size == 0 ? Double.NaN : values[index(size - 1)];
    }

    /** The largest value in the history (NaN when it is empty). */
    public double max() {
        return Arrays.stream(values()).max().orElse(Double.NaN);
    }
}
