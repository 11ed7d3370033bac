package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Setting, changing and removing the master password re-encrypts every stored password, and only the right one opens them. */
class MasterPasswordsTest {

    private static final String TARGET_PW = "tgt-Pw-4711";
    private static final String CHANNEL_PW = "mail-Pw-0815";
    private static final String CACHE_PW = "cache-Pw-2323";

    @TempDir
    Path home;
    private AppDirs dirs;

    @BeforeEach
    void aFolderWithStoredPasswords() {
        dirs = new AppDirs(home);
        SecretBox box = SecretBox.fromKeyFile(dirs);
        new SettingsFile(dirs, box).save(Settings.defaults().withDataStores(
                new ServerAddress("jdbc:mariadb://db.example.com/vigil_cache", "vigil", Secret.of(CACHE_PW)),
                ServerAddress.embedded(), ServerAddress.embedded()));
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, box)) {
            store.saveTarget(new Target(0, "prod", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "",
                    "vigil", Secret.of(TARGET_PW), List.of(), true));
            store.saveChannel(new ChannelDef(0, "on-call", ChannelType.EMAIL, "smtp.example.com:587", "vigil", Secret.of(CHANNEL_PW),
                    "vigil@example.com", List.of("dba@example.com"), Severity.CRIT, 30, true, true));
        }
    }

    @Test
    void aSetPasswordIsNeededToReadTheStoredPasswordsAndTheKeyFileNoLongerReadsThem() {
        SecretBox keyFile = SecretBox.fromKeyFile(dirs);
        SecretBox box = MasterPasswords.set(dirs, keyFile, "correct horse".toCharArray(), "correct horse".toCharArray());

        assertThat(SecretBox.masterPasswordSet(dirs)).isTrue();
        assertThat(box.usesMasterPassword()).isTrue();
        assertStoredPasswordsReadWith(SecretBox.forDataFolder(dirs, () -> "correct horse".toCharArray()));
        assertThatThrownBy(() -> SecretBox.forDataFolder(dirs, () -> null))
                .isInstanceOfSatisfying(MasterPasswordException.class, e -> assertThat(e.kind()).isEqualTo(MasterPasswordException.Kind.NEEDED));
        assertThatThrownBy(() -> SecretBox.forDataFolder(dirs, () -> "battery staple".toCharArray()))
                .isInstanceOfSatisfying(MasterPasswordException.class, e -> assertThat(e.kind()).isEqualTo(MasterPasswordException.Kind.WRONG));
        // what the key file encrypted before is gone: it cannot open the re-encrypted values
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            assertThatThrownBy(store::targets).isInstanceOf(ConfigStoreException.class).hasMessageContaining("could not be decrypted");
        }
    }

    @Test
    void changingThePasswordReEncryptsWithTheNewOne() {
        SecretBox first = MasterPasswords.set(dirs, SecretBox.fromKeyFile(dirs), "first one".toCharArray(), "first one".toCharArray());
        MasterPasswords.set(dirs, first, "second one".toCharArray(), "second one".toCharArray());
        assertThatThrownBy(() -> SecretBox.forDataFolder(dirs, () -> "first one".toCharArray())).isInstanceOf(MasterPasswordException.class);
        assertStoredPasswordsReadWith(SecretBox.forDataFolder(dirs, () -> "second one".toCharArray()));
        assertThat(home.resolve("master.properties.next")).doesNotExist();
    }

    @Test
    void removingItGoesBackToTheKeyFile() {
        SecretBox set = MasterPasswords.set(dirs, SecretBox.fromKeyFile(dirs), "pw".toCharArray(), "pw".toCharArray());
        MasterPasswords.remove(dirs, set);
        assertThat(SecretBox.masterPasswordSet(dirs)).isFalse();
        SecretBox box = SecretBox.forDataFolder(dirs, () -> {
            throw new AssertionError("no master password is asked for once it is removed");
        });
        assertThat(box.usesMasterPassword()).isFalse();
        assertStoredPasswordsReadWith(box);
    }

    @Test
    void aMistypedOrEmptyNewPasswordChangesNothing() {
        SecretBox keyFile = SecretBox.fromKeyFile(dirs);
        assertThatThrownBy(() -> MasterPasswords.set(dirs, keyFile, "one".toCharArray(), "onf".toCharArray()))
                .isInstanceOfSatisfying(MasterPasswordException.class, e -> assertThat(e.kind()).isEqualTo(MasterPasswordException.Kind.MISMATCH));
        assertThatThrownBy(() -> MasterPasswords.set(dirs, keyFile, new char[0], new char[0]))
                .isInstanceOfSatisfying(MasterPasswordException.class, e -> assertThat(e.kind()).isEqualTo(MasterPasswordException.Kind.EMPTY));
        assertThat(SecretBox.masterPasswordSet(dirs)).isFalse();
        assertStoredPasswordsReadWith(SecretBox.fromKeyFile(dirs));
    }

    @Test
    void noFileOfTheFolderHoldsAPasswordOrTheMasterPasswordInPlainText() throws Exception {
        MasterPasswords.set(dirs, SecretBox.fromKeyFile(dirs), "correct horse".toCharArray(), "correct horse".toCharArray());
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String latin = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String secret : List.of(TARGET_PW, CHANNEL_PW, CACHE_PW, "correct horse")) {
                    assertThat(latin).as(f + " holds " + secret).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void aKeyFileOthersCouldReadIsTightenedAndReportedOnce() throws Exception {
        SecretBox.fromKeyFile(dirs);
        Files.setPosixFilePermissions(dirs.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        SecretBox opened = SecretBox.fromKeyFile(dirs);
        assertThat(opened.keyFileWarning()).hasValueSatisfying(w -> {
            assertThat(w.key()).isEqualTo("keyfile.tightened");
            assertThat(w.args()).containsExactly(dirs.keyFile().toString(), "rw-r--r--");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.keyFile()))).isEqualTo("rw-------");
        assertThat(SecretBox.fromKeyFile(dirs).keyFileWarning()).isEmpty();
    }

    private void assertStoredPasswordsReadWith(SecretBox box) {
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, box)) {
            assertThat(store.targets()).singleElement().satisfies(t -> assertThat(t.password().reveal()).isEqualTo(TARGET_PW));
            assertThat(store.channels()).singleElement().satisfies(c -> assertThat(c.secret().reveal()).isEqualTo(CHANNEL_PW));
        }
        assertThat(new SettingsFile(dirs, box).load().cache().password().reveal()).isEqualTo(CACHE_PW);
    }
}
