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
}
