package io.vigil.ui.util;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Display-only converters for choice boxes: values are chosen, never typed. */
public final class Converters {

    private Converters() {
    }

    public static <T> StringConverter<T> display(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : toText.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }
}
