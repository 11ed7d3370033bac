package io.vigil.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder where Vigil keeps its embedded stores, settings, key file and logs.
 * Linux: {@code $XDG_DATA_HOME/vigil} (default {@code ~/.local/share/vigil}); macOS:
 * {@code ~/Library/Application Support/Vigil}; Windows: {@code %APPDATA%\Vigil}.
 * {@code -Dvigil.home} or {@code VIGIL_HOME} override it (tests, portable installs).
 */
public record AppDirs(Path home) {

    public static AppDirs resolve() {
        return resolve(System.getProperty("vigil.home"), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static AppDirs resolve(String homeProperty, Map<String, String> env, String osName, String userHome) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return new AppDirs(Path.of(homeProperty).toAbsolutePath());
        }
        String fromEnv = env.get("VIGIL_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppDirs(Path.of(fromEnv).toAbsolutePath());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return new AppDirs(base.resolve("Vigil"));
        }
        if (os.contains("mac")) {
            return new AppDirs(Path.of(userHome, "Library", "Application Support", "Vigil"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new AppDirs(base.resolve("vigil"));
    }

    public Path configDb() {
        return home.resolve("config");
    }

    public Path settingsFile() {
        return home.resolve("settings.properties");
    }

    public Path keyFile() {
        return home.resolve("secret.key");
    }

    public Path logs() {
        return home.resolve("logs");
    }
}
