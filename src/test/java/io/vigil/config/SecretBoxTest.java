package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path home;

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        String sealed = box.encrypt("tiger-密码-123");
        assertThat(sealed).startsWith("v1:").doesNotContain("tiger");
        assertThat(box.decrypt(sealed)).isEqualTo("tiger-密码-123");
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        assertThat(box.encrypt("same")).isNotEqualTo(box.encrypt("same"));
    }

    @Test
    void aTamperedValueIsRefusedWithoutLeakingIt() {
        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        byte[] raw = Base64.getDecoder().decode(box.encrypt("tiger").substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.decrypt(tampered))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("could not be decrypted")
                .hasMessageNotContaining(tampered.substring(3))
                .hasNoCause();
    }

    @Test
    void aValueFromAnotherKeyIsRefused(@TempDir Path other) {
        String sealed = SecretBox.fromKeyFile(new AppDirs(other)).encrypt("tiger");
        assertThatThrownBy(() -> SecretBox.fromKeyFile(new AppDirs(home)).decrypt(sealed))
                .isInstanceOf(ConfigStoreException.class).hasMessageContaining("another key");
    }

    @Test
    void garbageIsRefused() {
        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        assertThatThrownBy(() -> box.decrypt("plain")).isInstanceOf(ConfigStoreException.class);
        assertThatThrownBy(() -> box.decrypt("v1:@@@")).isInstanceOf(ConfigStoreException.class);
        assertThatThrownBy(() -> box.decrypt("v1:AAAA")).isInstanceOf(ConfigStoreException.class);
    }

    @Test
    void theKeyFileIsOwnerOnlyAndReused() throws Exception {
        AppDirs dirs = new AppDirs(home.resolve("nested"));
        String sealed = SecretBox.fromKeyFile(dirs).encrypt("tiger");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.keyFile()))).isEqualTo("rw-------");
        assertThat(Files.size(dirs.keyFile())).isEqualTo(32);
        assertThat(SecretBox.fromKeyFile(dirs).decrypt(sealed)).isEqualTo("tiger");
    }

    @Test
    void aKeyFileOthersCanReadIsTightened() throws Exception {
        AppDirs dirs = new AppDirs(home);
        SecretBox.fromKeyFile(dirs);
        Files.setPosixFilePermissions(dirs.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        SecretBox.fromKeyFile(dirs);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileIsReportedPlainly() throws Exception {
        AppDirs dirs = new AppDirs(home);
        Files.write(dirs.keyFile(), new byte[5]);
        assertThatThrownBy(() -> SecretBox.fromKeyFile(dirs)).isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("damaged").hasMessageContaining("5 bytes");
    }

    @Test
    void masterPasswordDerivesTheSameKeyAndRefusesAWrongOne() {
        AppDirs dirs = new AppDirs(home);
        String sealed = SecretBox.fromMasterPassword(dirs, "correct horse".toCharArray()).encrypt("tiger");
        assertThat(SecretBox.fromMasterPassword(dirs, "correct horse".toCharArray()).decrypt(sealed)).isEqualTo("tiger");
        assertThatThrownBy(() -> SecretBox.fromMasterPassword(dirs, "battery staple".toCharArray()))
                .isInstanceOf(ConfigStoreException.class).hasMessage("The master password is wrong.");
        assertThatThrownBy(() -> SecretBox.fromMasterPassword(dirs, new char[0])).isInstanceOf(ConfigStoreException.class);
    }

    @Test
    void sealAndOpenKeepEmptySecretsEmpty() {
        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        assertThat(box.seal(Secret.empty())).isEmpty();
        assertThat(box.open("")).isEqualTo(Secret.empty());
        assertThat(box.open(box.seal(Secret.of("x")))).isEqualTo(Secret.of("x"));
    }

    @Test
    void aSecretNeverPrints() {
        Target t = ValidationTest.oracle();
        assertThat(t.toString()).doesNotContain("pw").contains("password=******");
        assertThat(Secret.of("pw").toString()).isEqualTo("******");
    }
}
