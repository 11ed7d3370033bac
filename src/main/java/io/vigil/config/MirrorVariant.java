package io.vigil.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Another way to read a mirror on the servers of a version range: {@code since} (inclusive) up to {@code below}
 * (exclusive), either open when empty. The first variant whose range holds the server's version is read instead of the
 * mirror's own SQL. {@code rename} maps the variant's result columns (as the cache would name them) to the names the
 * mirror's cache table and metrics use, so every variant fills the same table: MySQL 8.0.22's SHOW REPLICA STATUS says
 * {@code replica_io_running} where SHOW SLAVE STATUS said {@code slave_io_running}.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"since", "below", "rename", "sql"})
public record MirrorVariant(String since, String below, String sql, Map<String, String> rename) {

    public MirrorVariant {
        since = since == null ? "" : since.strip();
        below = below == null ? "" : below.strip();
        sql = sql == null ? "" : sql.strip();
        Map<String, String> copy = new LinkedHashMap<>();
        if (rename != null) {
            rename.forEach((k, v) -> copy.put(Objects.requireNonNull(k).strip().toLowerCase(java.util.Locale.ROOT),
                    Objects.requireNonNull(v).strip().toLowerCase(java.util.Locale.ROOT)));
        }
        rename = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether a server of this version reads this variant; false when a bound does not parse (validation says so). */
    public boolean covers(ServerVersion v) {
        try {
            return (since.isEmpty() || v.atLeast(ServerVersion.parse(since))) && (below.isEmpty() || !v.atLeast(ServerVersion.parse(below)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The range in words a DBA reads, e.g. "8.0.22 –" or "10.0 – 10.5.1". */
    public String range() {
        return (since.isEmpty() ? "" : since + " ") + "–" + (below.isEmpty() ? "" : " " + below);
    }
}
