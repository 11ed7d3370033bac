package io.vigil.series;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A metric and the tag values that pick one line out of it, e.g. {@code oracle.tablespace.used_pct{target=prod,tablespace=USERS}}. */
public record SeriesKey(String metric, SortedMap<String, String> tags) {

    public SeriesKey {
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags == null ? Map.of() : tags));
    }

    /** The tags as one canonical string, {@code k1=v1,k2=v2} in key order, with {@code \ , =} escaped. */
    public String canonicalTags() {
        return tags.entrySet().stream().map(e -> escape(e.getKey()) + "=" + escape(e.getValue())).collect(Collectors.joining(","));
    }

    /** The tags of a {@link #canonicalTags()} string. */
    public static SortedMap<String, String> parseTags(String canonical) {
        SortedMap<String, String> out = new TreeMap<>();
        if (canonical.isEmpty()) {
            return out;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '\\' && i + 1 < canonical.length()) {
                cur.append(canonical.charAt(++i));
            } else if (c == '=' && key.isEmpty()) {
                key.append(cur);
                cur.setLength(0);
            } else if (c == ',') {
                out.put(key.toString(), cur.toString());
                key.setLength(0);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.put(key.toString(), cur.toString());
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    @Override
    public String toString() {
        return metric + "{" + canonicalTags() + "}";
    }
}
