package io.vigil.ui.channels;

import java.util.concurrent.CompletableFuture;

import io.vigil.config.ChannelDef;

/**
 * Sends a test notification through a channel. The console hands in the notification dispatcher's; the settings
 * only ask and show the answer. Implementations must not block the caller: the work happens behind the future.
 */
@FunctionalInterface
public interface ChannelTester {

    /** Completes with null or an empty text when the test went out, else with the reason in the user's words. */
    CompletableFuture<String> test(ChannelDef channel);

    /** A tester for a console that cannot send yet: every test completes with {@code reason}. */
    static ChannelTester unavailable(String reason) {
        return channel -> CompletableFuture.completedFuture(reason);
    }
}
