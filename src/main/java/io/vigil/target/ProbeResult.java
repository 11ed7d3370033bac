package io.vigil.target;

import java.time.Duration;

/**
 * What one connection attempt found: the server's version when it worked, the classified failure when not.
 *
 * @param ok      whether the login worked and a trivial query answered
 * @param version the server's own version string, when ok
 * @param failure the failure, when not ok
 * @param took    how long the attempt took
 * @param major   the server's major version (Oracle 11, 19…; MySQL 8; PostgreSQL 15), 0 when not ok
 * @param minor   its minor version
 * @param patch   its patch level where the pack cares (MySQL 8.0.22, MariaDB 10.5.1), else 0
 */
public record ProbeResult(boolean ok, String version, TargetFailure failure, Duration took, int major, int minor, int patch) {

    public static ProbeResult ok(String version, Duration took, int major, int minor) {
        return new ProbeResult(true, version, null, took, major, minor, 0);
    }

    public static ProbeResult ok(String version, Duration took, io.vigil.config.ServerVersion release) {
        return new ProbeResult(true, version, null, took, release.major(), release.minor(), release.patch());
    }

    public static ProbeResult failed(TargetFailure failure, Duration took) {
        return new ProbeResult(false, "", failure, took, 0, 0, 0);
    }

    /** The server's release, {@link io.vigil.config.ServerVersion#UNKNOWN} when the probe failed. */
    public io.vigil.config.ServerVersion release() {
        return new io.vigil.config.ServerVersion(major, minor, patch);
    }
}
