package io.vigil.config;

import java.util.Objects;

/**
 * A named read on a target kind whose result is kept in a cache table.
 *
 * @param id              store identity; 0 for a definition not saved yet
 * @param name            unique within the kind, referenced by metrics
 * @param kind            the target kind whose dialect {@code sql} is written in
 * @param sql             the read run on the target
 * @param cacheTable      the cache table the rows land in
 * @param intervalSeconds how often it runs, at least 1
 * @param rowCap          the most rows one pull keeps, at least 1
 * @param mode            replace the snapshot or append past a watermark
 * @param watermarkColumn the increasing column for {@link MirrorMode#APPEND}; empty otherwise
 * @param enabled         whether the executor runs it
 * @param description     what it is for, shown to admins
 * @param minVersion      the first server version it works on, e.g. "12.2"; empty for every version
 */
public record MirrorDef(
        long id,
        String name,
        TargetKind kind,
        String sql,
        String cacheTable,
        int intervalSeconds,
        int rowCap,
        MirrorMode mode,
        String watermarkColumn,
        boolean enabled,
        String description,
        String minVersion) {

    public MirrorDef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        name = name == null ? "" : name.strip();
        sql = sql == null ? "" : sql.strip();
        cacheTable = cacheTable == null ? "" : cacheTable.strip();
        watermarkColumn = watermarkColumn == null ? "" : watermarkColumn.strip();
        description = description == null ? "" : description.strip();
        minVersion = minVersion == null ? "" : minVersion.strip();
    }

    /** A mirror for every server version. */
    public MirrorDef(long id, String name, TargetKind kind, String sql, String cacheTable, int intervalSeconds, int rowCap, MirrorMode mode,
                     String watermarkColumn, boolean enabled, String description) {
        this(id, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description, "");
    }

    /** Whether a server of this version (major, minor) can run it. */
    public boolean runsOn(int major, int minor) {
        if (minVersion.isEmpty()) {
            return true;
        }
        String[] p = minVersion.split("\\.");
        int needMajor = Integer.parseInt(p[0]);
        int needMinor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        return major > needMajor || major == needMajor && minor >= needMinor;
    }

    public MirrorDef withId(long newId) {
        return new MirrorDef(newId, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description,
                minVersion);
    }
}
