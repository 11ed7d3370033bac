package io.vigil.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * @param variants        other SQL for version ranges, the first that holds the server's version wins (see {@link MirrorVariant})
 * @param columns         the cache table's columns, whatever the read returns (missing ones stay NULL, others are dropped);
 *                        empty to keep every column the read returns
 * @param licence         the option pack the views it reads belong to, or null when they need none; such a mirror runs only
 *                        on targets that say the pack is licensed
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
        String minVersion,
        List<MirrorVariant> variants,
        List<String> columns,
        LicensedPack licence) {

    public MirrorDef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        name = name == null ? "" : name.strip();
        sql = sql == null ? "" : sql.strip();
        cacheTable = cacheTable == null ? "" : cacheTable.strip();
        watermarkColumn = watermarkColumn == null ? "" : watermarkColumn.strip();
        description = description == null ? "" : description.strip();
        minVersion = minVersion == null ? "" : minVersion.strip();
        variants = variants == null ? List.of() : List.copyOf(variants);
        columns = columns == null ? List.of()
                : columns.stream().map(c -> c.strip().toLowerCase(java.util.Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
    }

    /** A mirror with one SQL for every version it runs on, keeping the columns its read returns. */
    public MirrorDef(long id, String name, TargetKind kind, String sql, String cacheTable, int intervalSeconds, int rowCap, MirrorMode mode,
                     String watermarkColumn, boolean enabled, String description, String minVersion) {
        this(id, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description, minVersion,
                List.of(), List.of(), null);
    }

    /** A mirror for every server version. */
    public MirrorDef(long id, String name, TargetKind kind, String sql, String cacheTable, int intervalSeconds, int rowCap, MirrorMode mode,
                     String watermarkColumn, boolean enabled, String description) {
        this(id, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description, "");
    }

    /** Whether a server of this version can run it. */
    public boolean runsOn(ServerVersion v) {
        return minVersion.isEmpty() || !ServerVersion.PATTERN.matcher(minVersion).matches() || v.atLeast(ServerVersion.parse(minVersion));
    }

    /** The read for a server of this version: the first variant that covers it, or the mirror's own SQL as a variant. */
    public MirrorVariant readFor(ServerVersion v) {
        return variants.stream().filter(x -> x.covers(v)).findFirst().orElseGet(() -> new MirrorVariant("", "", sql, java.util.Map.of()));
    }

    /** Whether it may run on a target with these packs licensed. */
    public boolean allowedWith(Set<LicensedPack> licensed) {
        return licence == null || licensed.contains(licence);
    }

    /** This definition with other version variants, result columns and licence. */
    public MirrorDef withReads(List<MirrorVariant> newVariants, List<String> newColumns, LicensedPack newLicence) {
        return new MirrorDef(id, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description,
                minVersion, newVariants, newColumns, newLicence);
    }

    /** Whether a server of this version (major, minor) can run it. */
    public boolean runsOn(int major, int minor) {
        return runsOn(new ServerVersion(major, minor, 0));
    }

    public MirrorDef withEnabled(boolean on) {
        return new MirrorDef(id, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, on, description, minVersion,
                variants, columns, licence);
    }

    public MirrorDef withId(long newId) {
        return new MirrorDef(newId, name, kind, sql, cacheTable, intervalSeconds, rowCap, mode, watermarkColumn, enabled, description,
                minVersion, variants, columns, licence);
    }
}
