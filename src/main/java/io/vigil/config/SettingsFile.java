package io.vigil.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

import io.vigil.i18n.Reason;

/**
 * The workstation's settings as a UTF-8 properties file in the app-data folder. Written atomically (a crash never
 * leaves half a file); passwords are encrypted; a file that does not parse is reported and left as is.
 */
public final class SettingsFile implements SettingsStore {

    private final Path file;
    private final SecretBox box;

    public SettingsFile(AppDirs dirs, SecretBox box) {
        this.file = dirs.settingsFile();
        this.box = box;
    }

    public Path path() {
        return file;
    }

    @Override
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (CharacterCodingException e) {
            throw bad("", Reason.of("input.notText"), e);
        } catch (IllegalArgumentException e) {
            throw bad("", Reason.of("input.settings.escape"), e); // Properties refuses a malformed \\uXXXX escape
        } catch (IOException e) {
            throw bad("", InputErrors.of(e, null).what(), e);
        }
        Settings d = Settings.defaults();
        Theme theme = enumValue(p, "theme", Theme.class, d.theme());
        StoreKind kind = enumValue(p, "configStore.kind", StoreKind.class, StoreKind.EMBEDDED);
        StoreLocation store = new StoreLocation(kind, p.getProperty("configStore.url", ""), p.getProperty("configStore.user", ""),
                box.open(p.getProperty("configStore.password", "")));
        return new Settings(p.getProperty("language", ""), theme, store, address(p, "cache"), address(p, "ledger"), address(p, "series"),
                enumValue(p, "collect", CollectMode.class, CollectMode.HERE));
    }

    @Override
    public void save(Settings settings) {
        Properties p = new Properties();
        p.setProperty("language", settings.language());
        p.setProperty("theme", settings.theme().name());
        StoreLocation store = settings.configStore();
        p.setProperty("configStore.kind", store.kind().name());
        p.setProperty("configStore.url", store.url());
        p.setProperty("configStore.user", store.user());
        p.setProperty("configStore.password", box.seal(store.password()));
        put(p, "cache", settings.cache());
        put(p, "ledger", settings.ledger());
        put(p, "series", settings.series());
        p.setProperty("collect", settings.collect().name());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Vigil settings (passwords are encrypted)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigStoreException(Reason.of("settingsFile.unsaved", file.toString(), FileFailures.why(file, e)), e);
        }
    }

    private ServerAddress address(Properties p, String store) {
        return new ServerAddress(p.getProperty(store + ".url", ""), p.getProperty(store + ".user", ""),
                box.open(p.getProperty(store + ".password", "")));
    }

    private void put(Properties p, String store, ServerAddress a) {
        p.setProperty(store + ".url", a.url());
        p.setProperty(store + ".user", a.user());
        p.setProperty(store + ".password", box.seal(a.password()));
    }

    private <E extends Enum<E>> E enumValue(Properties p, String key, Class<E> type, E fallback) {
        String raw = p.getProperty(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key, Reason.of("input.settings.oneOf", String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList()), InputProblem.cut(raw)), e);
        }
    }

    // The file's own language setting cannot be trusted while it does not parse: the message follows the system's.
    private InputException bad(String key, Reason what, Exception cause) {
        return new InputException(file.toString(), new InputProblem(0, key, Reason.of("input.settings", what)),
                new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor("")), cause);
    }
}
