package io.vigil.ui.util;

/**
 * Runs an action once the calls have stopped for a moment: typing "95" into a level asks for one preview, not two.
 * A newer call replaces the one still waiting. View models take one so their tests can run the action at once.
 */
@FunctionalInterface
public interface Debouncer {

    /** Runs {@code action} on the FX thread after a pause, unless another call comes first. */
    void request(Runnable action);

    /** Runs every action at once, for tests and for callers that do not type. */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
