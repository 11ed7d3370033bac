package io.vigil.ui.util;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread's timer: each call restarts the pause, the last action runs when it ends. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;
    private Runnable waiting;

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> {
            Runnable r = waiting;
            waiting = null;
            if (r != null) {
                r.run();
            }
        });
    }

    @Override
    public void request(Runnable action) {
        waiting = action;
        pause.playFromStart();
    }

    /** Drops the action still waiting (the form closed). */
    public void cancel() {
        pause.stop();
        waiting = null;
    }
}
