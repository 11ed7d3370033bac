package io.vigil.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BinariesTest {

    @Test
    void aMissingServerNamesTheDebianPackageToInstall() {
        assertThatThrownBy(() -> Binaries.find("no-such-server-d", "no-such-package", List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-server-d")
                .hasMessageContaining("apt-get install no-such-package");
    }

    @Test
    void staleNamesAreRecognisedFreshOnesAreNot() {
        org.assertj.core.api.Assertions.assertThat(Names.isStale(Names.unique("x"))).isFalse();
        org.assertj.core.api.Assertions.assertThat(Names.isStale("vt_x_1000_abcdef")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Names.isStale("production_db")).isFalse();
    }
}
