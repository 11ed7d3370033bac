package io.vigil.ui.trends;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A trend as CSV (RFC 4180): a header, then one row per distinct time in UTC ISO-8601 with one column per series; a
 * series without a point at that time leaves its cell empty. Lines end in CRLF, as the RFC and spreadsheets expect.
 */
public final class TrendCsv {

    private TrendCsv() {
    }

    public static String format(Trend trend) {
        StringBuilder out = new StringBuilder();
        try {
            write(trend, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /** Writes the file in UTF-8; call off the FX thread. */
    public static void write(Trend trend, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(trend, w);
        }
    }

    static void write(Trend trend, Appendable out) throws IOException {
        List<TrendLine> lines = trend.lines();
        out.append("time");
        for (TrendLine line : lines) {
            out.append(',').append(quote(line.key().toString()));
        }
        out.append("\r\n");
        long[] times = distinctTimes(lines);
        int[] next = new int[lines.size()]; // each line's cursor: rows and lines are both in time order, so one pass merges them
        for (long t : times) {
            out.append(Instant.ofEpochMilli(t).toString());
            for (int i = 0; i < lines.size(); i++) {
                out.append(',');
                TrendLine line = lines.get(i);
                if (next[i] < line.size() && line.times()[next[i]] == t) {
                    out.append(number(line.values()[next[i]]));
                    next[i]++;
                }
            }
            out.append("\r\n");
        }
    }

    private static long[] distinctTimes(List<TrendLine> lines) {
        long[] all = lines.stream().flatMapToLong(l -> Arrays.stream(l.times())).sorted().distinct().toArray();
        return all;
    }

    /** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    // Plain decimals, never 1.0E7: spreadsheets and scripts read them alike.
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }
}
