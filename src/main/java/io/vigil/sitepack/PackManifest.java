package io.vigil.sitepack;

import java.time.Instant;
import java.util.List;

/**
 * What a pack says about itself, read before anything else in it: the format and the Vigil that wrote it, whose site
 * and which range, the targets, and each entry's size and SHA-256 (checked before any entry is opened).
 *
 * @param format       the pack format; a reader refuses a higher one than {@link #FORMAT}
 * @param vigilVersion the version of the Vigil that wrote it
 * @param site         whose site, as the consultant named it
 * @param from         the range's start, epoch milliseconds
 * @param to           the range's end (exclusive), epoch milliseconds
 * @param createdAt    when it was written, epoch milliseconds
 * @param targets      the targets it holds, as they are numbered inside the pack
 * @param entries      the files it holds besides this manifest
 */
public record PackManifest(int format, String vigilVersion, String site, long from, long to, long createdAt, List<PackTarget> targets,
                           List<Entry> entries) {

    /** The format this Vigil writes and the newest it reads (1 kept the series in an embedded store; 2 as whole series). */
    public static final int FORMAT = 2;

    /** The manifest's own name inside the zip. */
    public static final String NAME = "manifest.json";

    public PackManifest {
        site = site == null ? "" : site;
        vigilVersion = vigilVersion == null ? "" : vigilVersion;
        targets = targets == null ? List.of() : List.copyOf(targets);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One target of the pack. */
    public record PackTarget(long id, String name, String kind) {
    }

    /** One file of the pack. */
    public record Entry(String name, long size, String sha256) {
    }

    public Instant fromTime() {
        return Instant.ofEpochMilli(from);
    }

    public Instant toTime() {
        return Instant.ofEpochMilli(to);
    }

    public Instant createdTime() {
        return Instant.ofEpochMilli(createdAt);
    }

    /** The version of this Vigil, from the jar, or "development" when run from classes. */
    public static String runningVersion() {
        String v = PackManifest.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
