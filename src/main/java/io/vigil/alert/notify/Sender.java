package io.vigil.alert.notify;

import io.vigil.config.ChannelDef;

/** Delivers one notification over one kind of channel. Implementations are safe to call from several threads. */
public interface Sender {

    /** Sends now and returns once the receiver has taken it; throws with the reason in the user's words otherwise. */
    void send(ChannelDef channel, Notification notification) throws ChannelException;
}
