package io.vigil.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text in one language: the UI's words ({@code io.vigil.i18n.messages}) and the words for
 * validation problems and errors ({@code io.vigil.i18n.problems}). English and Simplified Chinese ship. It knows no other
 * Vigil package: every front end and every core package words its text through it.
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundles = List.of(
                ResourceBundle.getBundle("io.vigil.i18n.messages", locale, FALLBACK),
                ResourceBundle.getBundle("io.vigil.i18n.problems", locale, FALLBACK));
    }

    /** The locale for a saved language tag; an empty tag follows the operating system, falling back to English. */
    public static Locale localeFor(String languageTag) {
        Locale wanted = languageTag == null || languageTag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(languageTag);
        return "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key, formatted with {@link MessageFormat}; a missing key shows as the key itself. */
    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        return key;
    }

    /**
     * A reason in this language: its arguments that are reasons are rendered first; an empty reason is empty text. A key
     * this language has not got shows as the key itself.
     */
    public String render(Reason reason) {
        if (reason == null || reason.isEmpty()) {
            return "";
        }
        Object[] args = new Object[reason.args().size()];
        for (int i = 0; i < args.length; i++) {
            Object a = reason.args().get(i);
            args[i] = a instanceof Reason r ? render(r) : a;
        }
        return get(reason.key(), args);
    }

    /** The pack's description of what it covers, in this language. */
    public String packDescription(String packKind, String own) {
        String key = "pack.description." + packKind;
        return has(key) ? get(key) : own;
    }

    /** A metric's title as people read it ("Host CPU busy"); its dotted id when it has none (a metric of the site's own). */
    public String metricTitle(String metric) {
        String key = "metric.title." + metric;
        return has(key) ? get(key) : metric;
    }

    /**
     * A shipped mirror's description in this language; {@code own} (the stored text) when the mirror is the site's own or
     * its description was edited away from the shipped English.
     */
    public String mirrorDescription(String packKind, String mirror, String own) {
        String key = "mirror.description." + packKind + "." + mirror;
        if (!has(key)) {
            return own;
        }
        String shipped = ResourceBundle.getBundle("io.vigil.i18n.messages", Locale.ROOT, FALLBACK).getString(key);
        return own == null || own.isBlank() || own.strip().equals(shipped.strip()) ? get(key) : own;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    // English is the base bundle: never fall back to the JVM's default locale, or a German OS would get Chinese.
    private static final ResourceBundle.Control FALLBACK = new ResourceBundle.Control() {
        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    };

    static {
        try {
            ResourceBundle.getBundle("io.vigil.i18n.messages", Locale.ENGLISH, FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the messages bundle is missing from the build", e);
        }
    }
}
