package io.vigil.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;


class MessagesTest {

    /** Every English key has a Chinese text and no Chinese key is orphaned: a half-translated screen is a bug. */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "problems"})
    void chineseBundleHasExactlyTheEnglishKeys(String bundle) throws IOException {
        Properties en = load("/io/vigil/i18n/" + bundle + ".properties");
        Properties zh = load("/io/vigil/i18n/" + bundle + "_zh_CN.properties");
        Set<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(zh.stringPropertyNames());
        Set<String> orphaned = new TreeSet<>(zh.stringPropertyNames());
        orphaned.removeAll(en.stringPropertyNames());
        assertThat(missing).as("keys without a Chinese text in %s_zh_CN", bundle).isEmpty();
        assertThat(orphaned).as("Chinese keys with no English text in %s", bundle).isEmpty();
    }

    /**
     * A text with no placeholder is shown as it is written (nothing formats it), so a doubled quote, which only
     * MessageFormat turns into one, would show doubled: "Vigil''s log".
     */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "problems", "messages_zh_CN", "problems_zh_CN"})
    void aTextWithNoPlaceholderHasNoDoubledQuote(String bundle) throws IOException {
        Properties texts = load("/io/vigil/i18n/" + bundle + ".properties");
        assertThat(texts.stringPropertyNames().stream().filter(k -> !texts.getProperty(k).matches("(?s).*\\{\\d.*")
                && texts.getProperty(k).contains("''")).sorted().toList()).isEmpty();
    }

    @Test
    void followsChineseOsLocaleAndFallsBackToEnglish() {
        assertThat(Messages.localeFor("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.localeFor("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.localeFor("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.localeFor("en")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void chineseAndEnglishTextsDiffer() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Properties keys = loadQuietly("/io/vigil/i18n/messages.properties");
        long translated = keys.stringPropertyNames().stream()
                .filter(k -> !en.get(k).equals(zh.get(k)))
                .count();
        assertThat(translated).as("texts that differ between English and Chinese").isGreaterThan(keys.size() / 2);
    }

    @Test
    void unknownKeyShowsItselfWithOrWithoutArguments() {
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(en.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(en.get("no.such.problem", "name", 3)).isEqualTo("no.such.problem");
    }

    private static Properties load(String path) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Properties loadQuietly(String path) {
        try {
            return load(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReasonRendersItsNestedReasonsInTheReadersLanguage() {
        Reason inner = Reason.of("job.mirror", "sysstat");
        Reason outer = Reason.of("health.reason", inner, Reason.of("reason.text", "ORA-00942: table or view does not exist"));
        assertThat(new Messages(Locale.ENGLISH).render(outer)).isEqualTo("mirror sysstat: ORA-00942: table or view does not exist");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).render(outer)).startsWith("镜像 sysstat").endsWith("ORA-00942: table or view does not exist");
        assertThat(new Messages(Locale.ENGLISH).render(Reason.NONE)).isEmpty();
        assertThat(Reason.NONE.isEmpty()).isTrue();
        assertThat(new Messages(Locale.ENGLISH).render(Reason.of("no.such.reason", 3))).isEqualTo("no.such.reason");
        assertThat(outer.keys()).containsExactly("health.reason", "job.mirror", "reason.text");
    }

    @Test
    void aReasonTakesOnlyTextNumbersAndReasons() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reason.of("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reason.of("x", (Object) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every key the code names in a reason (Reason.of("…")) has a text in English and in Chinese. */
    @Test
    void everyReasonKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("Reason\\.of\\(\\s*\"([^\"]+)\"(\\s*\\+)?");
        // a key built from a prefix and an enum's name: every constant of that enum needs a text
        java.util.Map<String, java.util.List<String>> families = java.util.Map.of(
                "failure.advice.", java.util.Arrays.stream(io.vigil.target.FailureKind.values())
                        .filter(k -> k != io.vigil.target.FailureKind.OTHER).map(Enum::name).toList(),
                "licence.", java.util.Arrays.stream(io.vigil.config.LicensedPack.values()).map(Enum::name).toList(),
                "kind.", java.util.Arrays.stream(io.vigil.config.TargetKind.values()).map(Enum::name).toList(),
                "dataStore.", java.util.Arrays.stream(io.vigil.schedule.DataStores.Role.values()).map(Enum::name).toList(),
                "dataStore.problem.", java.util.Arrays.stream(io.vigil.schedule.DataStores.Role.values()).map(Enum::name).toList());
        Set<String> used = new TreeSet<>();
        Set<String> unknownPrefixes = new TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    if (m.group(2) == null) {
                        used.add(m.group(1));
                    } else if (families.containsKey(m.group(1))) {
                        families.get(m.group(1)).forEach(c -> used.add(m.group(1) + c));
                    } else {
                        unknownPrefixes.add(m.group(1));
                    }
                }
            }
        }
        assertThat(unknownPrefixes).as("reason keys built from a prefix this test does not know how to complete").isEmpty();
        assertThat(used).as("reason keys found in the code").hasSizeGreaterThan(3);
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        assertThat(used).filteredOn(k -> !en.has(k)).as("reason keys without an English text").isEmpty();
        assertThat(used).filteredOn(k -> !zh.has(k)).as("reason keys without a Chinese text").isEmpty();
    }
}
