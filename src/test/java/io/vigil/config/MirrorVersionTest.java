package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorVersionTest {

    static MirrorDef since(String version) {
        return new MirrorDef(0, "alert_log", TargetKind.ORACLE, "SELECT record_id FROM v$diag_alert_ext", "ora_alert_log", 60, 100,
                MirrorMode.APPEND, "RECORD_ID", true, "", version);
    }

    @Test
    void aMirrorRunsFromItsFirstVersionOn() {
        assertThat(since("12.2").runsOn(11, 2)).isFalse();
        assertThat(since("12.2").runsOn(12, 1)).isFalse();
        assertThat(since("12.2").runsOn(12, 2)).isTrue();
        assertThat(since("12.2").runsOn(19, 0)).isTrue();
        assertThat(since("12").runsOn(12, 0)).isTrue();
        assertThat(since("").runsOn(9, 2)).isTrue();
    }

    @Test
    void theVersionIsCheckedAndKeptByTheStore(@TempDir Path home) {
        assertThat(Validation.mirror(since("twelve"), List.of())).extracting(Problem::key).containsExactly("problem.minVersion.pattern");
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            MirrorDef saved = store.saveMirror(since("12.2"));
            assertThat(store.mirrors()).singleElement().satisfies(m -> assertThat(m.minVersion()).isEqualTo("12.2"));
            assertThat(saved.minVersion()).isEqualTo("12.2");
        }
    }

    @Test
    void theOraclePackMarksTheAlertLogAs12c2AndLater() {
        assertThat(Packs.shipped(TargetKind.ORACLE).mirrorDefs()).filteredOn(m -> m.name().equals("alert_log"))
                .singleElement().satisfies(m -> assertThat(m.minVersion()).isEqualTo("12.2"));
    }
}
