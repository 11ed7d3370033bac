package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;

/** What the store itself asks of a target's TLS: nothing to encrypt on the demo, a CA file path that fits. */
class ValidationTlsTest {

    static Target pg(Tls tls) {
        return new Target(0, "pg", TargetKind.POSTGRES, "db1", 5432, ConnectBy.DATABASE, "app", "", "vigil", Secret.of("x"), List.of(), true,
                Set.of(), tls);
    }

    @Test
    void aCaFileThatIsNotHereIsTheFormsBusinessButALongPathOrTlsOnTheDemoIsRefused() {
        assertThat(Validation.target(pg(Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/elsewhere.pem")), List.of()))
                .as("another collector may keep the file where this one does not").isEmpty();
        List<Problem> long_ = Validation.target(pg(Tls.of(TlsMode.VERIFY_CA, "/" + "a".repeat(1100))), List.of());
        assertThat(long_).extracting(Problem::field).containsExactly("tlsCaFile");
        assertThat(long_.getFirst().describe(new Messages(Locale.ENGLISH))).isEqualTo("The CA file's path may be at most 1,024 characters long.");
        Target demo = new Target(0, "lab", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true,
                Set.of(), Tls.of(TlsMode.REQUIRE, ""));
        assertThat(Validation.target(demo, List.of())).extracting(Problem::field).containsExactly("tls");
    }
}
