package io.vigil.series;

import java.util.List;
import java.util.Map;

/** InfluxDB line protocol for points: {@code metric,tag=v value=1.5 1700000000000} (millisecond precision). */
public final class LineProtocol {

    private LineProtocol() {
    }

    /** One line per point with a finite value; tags with empty values are left out (InfluxDB refuses them). */
    public static String format(List<Point> points) {
        StringBuilder out = new StringBuilder(points.size() * 64);
        for (Point p : points) {
            if (!Double.isFinite(p.value())) {
                continue;
            }
            out.append(escape(p.metric(), false));
            for (Map.Entry<String, String> tag : p.tags().entrySet()) {
                if (!tag.getValue().isEmpty()) {
                    out.append(',').append(escape(tag.getKey(), true)).append('=').append(escape(tag.getValue(), true));
                }
            }
            out.append(" value=").append(p.value()).append(' ').append(p.time().toEpochMilli()).append('\n');
        }
        return out.toString();
    }

    // Measurements escape commas and spaces; tag keys and values also escape '='.
    private static String escape(String s, boolean tag) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == ',' || c == ' ' || (tag && c == '=')) {
                b.append('\\');
            }
            if (c == '\n' || c == '\r') {
                b.append(' ');
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }
}
