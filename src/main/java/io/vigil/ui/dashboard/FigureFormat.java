package io.vigil.ui.dashboard;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.OptionalDouble;

/** Figures as a glance reads them: "3", "2.5", "45.3", "1,234", "123k", "4.5M"; a dash when there is none. */
public final class FigureFormat {

    public static final String NO_VALUE = "\u2014";

    private FigureFormat() {
    }

    public static String format(OptionalDouble value, Locale locale) {
        return value.isPresent() ? format(value.getAsDouble(), locale) : NO_VALUE;
    }

    public static String format(double value, Locale locale) {
        if (!Double.isFinite(value)) {
            return NO_VALUE;
        }
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return pattern("0.#", locale).format(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return pattern("0.#", locale).format(value / 1e6) + "M";
        }
        if (abs >= 1e5) {
            return pattern("0", locale).format(value / 1e3) + "k";
        }
        return pattern(decimals(value) == 0 ? "#,##0" : decimals(value) == 1 ? "#,##0.#" : "0.##", locale).format(value);
    }

    /** How many decimals a value needs: none for whole numbers and from 100 on, one from 10, else two. */
    public static int decimals(double value) {
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value)) {
            return 0;
        }
        return abs >= 10 ? 1 : 2;
    }

    /** The unit shown next to a figure on a small tile: symbols ("%", "/s", "cs/s"), not nouns ("sessions"), which the title says. */
    public static String shortUnit(String unit) {
        return unit.length() <= 4 ? unit : "";
    }

    private static DecimalFormat pattern(String pattern, Locale locale) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        f.setRoundingMode(RoundingMode.HALF_UP); // 1,234.5 reads as 1,235, not banker's 1,234
        return f;
    }
}
