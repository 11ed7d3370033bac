package io.vigil.ui.channels;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import io.vigil.config.ChannelDef;

/** One line of the channels table: the stored channel, its last "Send test" answer and its last deliveries in words. */
public final class ChannelRow {

    private final ReadOnlyObjectWrapper<ChannelDef> channel;
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper delivery = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deliveryFailed = new ReadOnlyBooleanWrapper(false);

    ChannelRow(ChannelDef channel) {
        this.channel = new ReadOnlyObjectWrapper<>(channel);
    }

    public ChannelDef channel() {
        return channel.get();
    }

    void channel(ChannelDef now) {
        channel.set(now);
    }

    void testing() {
        testing.set(true);
        testResult.set("");
    }

    void tested(boolean ok, String text) {
        testing.set(false);
        testOk.set(ok);
        testResult.set(text);
    }

    void delivery(String text, boolean failed) {
        delivery.set(text);
        deliveryFailed.set(failed);
    }

    public ReadOnlyObjectProperty<ChannelDef> channelProperty() {
        return channel.getReadOnlyProperty();
    }

    /** The answer to the last "Send test", empty before one. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** "sent 3 min ago", "failed: ...", "2 waiting"; empty when nothing is known. */
    public ReadOnlyStringProperty deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deliveryFailedProperty() {
        return deliveryFailed.getReadOnlyProperty();
    }
}
