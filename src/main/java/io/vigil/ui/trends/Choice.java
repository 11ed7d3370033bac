package io.vigil.ui.trends;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Something the DBA can tick in a list (a target, a metric): the thing and whether it is ticked. */
public final class Choice<T> {

    private final T value;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);

    public Choice(T value) {
        this.value = value;
    }

    public T value() {
        return value;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean on) {
        selected.set(on);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
