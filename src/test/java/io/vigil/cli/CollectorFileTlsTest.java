package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConfigStoreException;
import io.vigil.config.Target;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;

/** A collector's --config file says each target's TLS in the words of Vigil, MySQL or PostgreSQL. */
class CollectorFileTlsTest {

    private static final io.vigil.i18n.Messages EN = new io.vigil.i18n.Messages(java.util.Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void eachTargetGetsItsTlsModeAndCaFile() throws Exception {
        Path file = Files.writeString(dir.resolve("targets.yaml"), """
                targets:
                  - name: shop
                    kind: MYSQL
                    host: db1
                    database: shop
                    user: vigil
                    passwordEnv: HOME
                    tls: VERIFY_IDENTITY
                    tlsCaFile: /etc/vigil/ca.pem
                  - name: orders
                    kind: POSTGRES
                    host: db2
                    database: orders
                    user: vigil
                    passwordEnv: HOME
                    tls: require
                  - name: lab
                    kind: DEMO_ORACLE
                """);
        List<Target> targets = CollectorFile.read(file, EN);
        assertThat(targets).extracting(Target::tls).containsExactly(Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/ca.pem"),
                Tls.of(TlsMode.REQUIRE, ""), Tls.off());
    }

    @Test
    void anUnknownModeOrTlsOnTheDemoIsRefusedNamingTheTarget() throws Exception {
        Path odd = Files.writeString(dir.resolve("odd.yaml"), "targets:\n  - name: shop\n    kind: MYSQL\n    host: db1\n    user: v\n"
                + "    passwordEnv: HOME\n    tls: strict\n");
        assertThatThrownBy(() -> CollectorFile.read(odd, EN)).isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("shop").hasMessageContaining("tls: one of OFF, REQUIRE, VERIFY_CA, VERIFY_FULL is needed, not \u201cstrict\u201d");
        Path demo = Files.writeString(dir.resolve("demo.yaml"), "targets:\n  - name: lab\n    kind: DEMO_ORACLE\n    tls: REQUIRE\n");
        assertThatThrownBy(() -> CollectorFile.read(demo, EN)).isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("The demo target has no network connection to encrypt.");
    }
}
