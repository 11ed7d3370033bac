package io.vigil.target;

import java.time.Duration;

/**
 * What one connection attempt found: the server's version when it worked, the classified failure when not.
 *
 * @param ok      whether the login worked and a trivial query answered
 * @param version the server's own version string, when ok
 * @param failure the failure, when not ok
 * @param took    how long the attempt took
 */
public record ProbeResult(boolean ok, String version, TargetFailure failure, Duration took) {

    public static ProbeResult ok(String version, Duration took) {
        return new ProbeResult(true, version, null, took);
    }

    public static ProbeResult failed(TargetFailure failure, Duration took) {
        return new ProbeResult(false, "", failure, took);
    }
}
