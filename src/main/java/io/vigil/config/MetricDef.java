package io.vigil.config;

import java.util.List;
import java.util.Objects;

/**
 * A figure picked with SQL over cache tables and archived as points.
 *
 * @param id               store identity; 0 for a definition not saved yet
 * @param name             unique within the kind; the series name
 * @param kind             the target kind whose pack it belongs to
 * @param sql              SQL over cache tables, bound to one target
 * @param mirrors          names of the mirrors whose tables the SQL reads
 * @param freshnessSeconds how old a needed mirror may be before the pick is refused as stale
 * @param type             gauge, or counter turned into a rate
 * @param unit             e.g. "%", "sessions", "/s", "bytes"
 * @param labelColumns     result columns that become tags (e.g. the tablespace name)
 * @param intervalSeconds  how often it is picked, at least 1
 * @param warn             value at which it turns amber, or null
 * @param crit             value at which it turns red, or null
 * @param privileges       what the monitoring user needs on the target for its mirrors, as GRANT text
 * @param enabled          whether the executor picks it
 * @param description      what it means, shown to DBAs
 */
public record MetricDef(
        long id,
        String name,
        TargetKind kind,
        String sql,
        List<String> mirrors,
        int freshnessSeconds,
        MetricType type,
        String unit,
        List<String> labelColumns,
        int intervalSeconds,
        Double warn,
        Double crit,
        String privileges,
        boolean enabled,
        String description) {

    public MetricDef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name.strip();
        sql = sql == null ? "" : sql.strip();
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        unit = unit == null ? "" : unit.strip();
        labelColumns = labelColumns == null ? List.of() : List.copyOf(labelColumns);
        privileges = privileges == null ? "" : privileges.strip();
        description = description == null ? "" : description.strip();
    }

    /** Whether this metric reads the mirror (metrics name the mirrors of their own kind). */
    public boolean reads(MirrorDef mirror) {
        return kind == mirror.kind() && mirrors.contains(mirror.name());
    }

    /** This metric as it reads {@code renamed}, the new version of {@code old}; itself when it does not read it. */
    public MetricDef afterRename(MirrorDef old, MirrorDef renamed) {
        if (!reads(old) || old.kind() != renamed.kind()) {
            return this;
        }
        List<String> now = mirrors.stream().map(n -> n.equals(old.name()) ? renamed.name() : n).distinct().toList();
        return new MetricDef(id, name, kind, sql, now, freshnessSeconds, type, unit, labelColumns,
                intervalSeconds, warn, crit, privileges, enabled, description);
    }

    public MetricDef withEnabled(boolean on) {
        return new MetricDef(id, name, kind, sql, mirrors, freshnessSeconds, type, unit, labelColumns, intervalSeconds, warn, crit, privileges,
                on, description);
    }

    public MetricDef withId(long newId) {
        return new MetricDef(newId, name, kind, sql, mirrors, freshnessSeconds, type, unit, labelColumns,
                intervalSeconds, warn, crit, privileges, enabled, description);
    }
}
