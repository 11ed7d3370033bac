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
 */
public record ProbeResult(boolean ok, String version, TargetFailure failure, Duration took, int major, int minor) {

    public static ProbeResult ok(String version, Duration took, int major, int minor) {
        return new ProbeResult(true, version, null, took, major, minor);
    }

    public static ProbeResult failed(TargetFailure failure, Duration took) {
        return new ProbeResult(false, "", failure, took, 0, 0);
    }
}
