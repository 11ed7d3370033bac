package io.vigil.series;

/**
 * One line of a range query's answer: times (epoch milliseconds, ascending) and values, at most as many as asked for.
 * When the range held more raw points, each is the mean of a bucket, stamped with the bucket's start.
 */
public record Series(SeriesKey key, long[] times, double[] values) {

    public Series {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public int size() {
        return times.length;
    }
}
