package io.vigil.ui.util;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    @Test
    void workHandedInWhileClosingIsDroppedQuietly() throws InterruptedException {
        FxTaskExecutor executor = new FxTaskExecutor();
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertDoesNotThrow(() -> executor.run(() -> {
            ran.set(true);
            return 1;
        }, v -> { }, e -> { }));
        Thread.sleep(100);
        assertFalse(ran.get(), "work handed to a closed executor must not run");
    }
}
