package io.vigil.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: 90s, 15m, 8h, 2d (a bare number is seconds). */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([smhd]?)");

    private Durations() {
    }

    /** Lets picocli report a bad duration as a usage error, with the message below and no stack trace. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("“" + text + "” is not a duration: write e.g. 90s, 15m, 8h or 2d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
