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
        String description) {

    public MirrorDef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        name = name == null ? "" : name.strip();
        sql = sql == null ? "" : sql.strip();
        cacheTable = cacheTable == null ? "" : cacheTable.strip();
        watermarkColumn = watermarkColumn == null ? "" : watermarkColumn.strip();
        description = description == null ? "" : description.strip();
    }

    public MirrorDef withId(long newId) {
        return new MirrorDef(newId, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description);
    }
}
