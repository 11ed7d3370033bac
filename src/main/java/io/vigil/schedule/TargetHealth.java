package io.vigil.schedule;

import java.time.Duration;
import java.time.Instant;

import io.vigil.i18n.Reason;
import io.vigil.target.FailureKind;

/**
 * Whether a target may be asked now. After a failure it backs off, doubling from 15 s up to 10 min; a refused login
 * waits at least 5 min, so a wrong password is not retried into an account lock-out. One success clears it. A target
 * that was out of reach may be asked before its wait ends once its port answers again (see {@link #outOfReach()}).
 */
final class TargetHealth {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    static final Duration LOGIN_BACKOFF = Duration.ofMinutes(5);
    /**
     * How long a port's answer stands for the target's other jobs: each job run of a target out of reach asks whether
     * the port answers, and a pack's forty jobs would otherwise each wait up to a second on a TCP connect.
     */
    static final Duration KNOCK_STANDS = Duration.ofSeconds(2);

    private boolean connected;
    private int failures;
    private Instant until = Instant.MIN;
    private Reason lastFailure = Reason.NONE;
    private FailureKind lastKind;
    private io.vigil.config.ServerVersion release = io.vigil.config.ServerVersion.UNKNOWN;
    private Instant knocked = Instant.MIN;
    private boolean answered;

    synchronized boolean connected() {
        return connected;
    }

    synchronized boolean mayTry(Instant now) {
        return !now.isBefore(until);
    }

    synchronized Instant backoffUntil() {
        return until;
    }

    synchronized Reason lastFailure() {
        return lastFailure;
    }

    /** The server's version, known once a probe has worked. */
    synchronized void version(io.vigil.config.ServerVersion v) {
        release = v;
    }

    synchronized io.vigil.config.ServerVersion release() {
        return release;
    }

    synchronized void succeeded() {
        connected = true;
        failures = 0;
        until = Instant.MIN;
        lastFailure = Reason.NONE;
        lastKind = null;
    }

    /**
     * Whether the last failure was that nothing answered (no listener, a refused connection, a time-out): a restart of
     * the server, most often, after which a probe as soon as its port opens loses nothing and risks no lock-out.
     */
    synchronized boolean outOfReach() {
        return !connected && (lastKind == FailureKind.UNREACHABLE || lastKind == FailureKind.TIMEOUT);
    }

    /**
     * Whether the target's port answers, asking {@code knock} (a TCP connect) at most once per {@link #KNOCK_STANDS}:
     * meanwhile the last answer stands. Runs that come while a knock is under way take the last answer too.
     */
    boolean portAnswers(Instant now, java.util.function.BooleanSupplier knock) {
        synchronized (this) {
            if (now.isBefore(knocked.plus(KNOCK_STANDS))) {
                return answered;
            }
            knocked = now;
        }
        boolean answer = knock.getAsBoolean();
        synchronized (this) {
            answered = answer;
        }
        return answer;
    }

    synchronized Duration failed(Instant now, FailureKind kind, Reason reason) {
        connected = false;
        knocked = Instant.MIN; // a new failure: the next run knocks again
        answered = false;
        failures++;
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 10));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        if (kind == FailureKind.LOGIN_REFUSED && wait.compareTo(LOGIN_BACKOFF) < 0) {
            wait = LOGIN_BACKOFF;
        }
        until = now.plus(wait);
        lastFailure = reason;
        lastKind = kind;
        return wait;
    }
}
