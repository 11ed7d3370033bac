package io.vigil.ui.status;

/** Pausing and resuming a target's collection (the running collector in the console; a recorder in tests). */
public interface TargetControl {

    void pause(long targetId);

    void resume(long targetId);
}
