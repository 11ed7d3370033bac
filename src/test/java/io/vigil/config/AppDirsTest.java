package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppDirsTest {

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(AppDirs.resolve(null, Map.of("XDG_DATA_HOME", "/data/x"), "Linux", "/home/ann").home())
                .isEqualTo(Path.of("/data/x/vigil"));
    }

    @Test
    void linuxDefaultsToLocalShare() {
        assertThat(AppDirs.resolve(null, Map.of(), "Linux", "/home/ann").home())
                .isEqualTo(Path.of("/home/ann/.local/share/vigil"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppDirs.resolve(null, Map.of(), "Mac OS X", "/Users/ann").home())
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Vigil"));
    }

    @Test
    void windowsUsesRoamingAppData() {
        assertThat(AppDirs.resolve(null, Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"), "Windows 11", "/c/Users/ann").home())
                .isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/Vigil"));
    }

    @Test
    void propertyWinsOverEnvironmentWhichWinsOverOsDefault() {
        Map<String, String> env = Map.of("VIGIL_HOME", "/env/vigil", "XDG_DATA_HOME", "/data/x");
        assertThat(AppDirs.resolve("/prop/vigil", env, "Linux", "/home/ann").home()).isEqualTo(Path.of("/prop/vigil"));
        assertThat(AppDirs.resolve(null, env, "Linux", "/home/ann").home()).isEqualTo(Path.of("/env/vigil"));
    }

    @Test
    void filesLiveInsideHome() {
        AppDirs dirs = new AppDirs(Path.of("/h"));
        assertThat(dirs.keyFile().startsWith(dirs.home())).as("keyFile").isTrue();
        assertThat(dirs.settingsFile().startsWith(dirs.home())).as("settingsFile").isTrue();
        assertThat(dirs.configDb().startsWith(dirs.home())).as("configDb").isTrue();
        assertThat(dirs.logs().startsWith(dirs.home())).as("logs").isTrue();
    }
}
