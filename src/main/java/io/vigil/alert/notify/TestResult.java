package io.vigil.alert.notify;

/**
 * What a channel's test said.
 *
 * @param ok      whether the receiver took the test message
 * @param message the outcome in the user's words
 */
public record TestResult(boolean ok, String message) {
}
