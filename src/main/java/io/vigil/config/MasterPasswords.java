package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Reason;

/**
 * Sets, changes and removes the master password of a data folder. Every stored password (the targets' and the
 * notification channels' in the config store, the stores' in the settings file) is read with the current key and
 * written again with the new one, then the new key is put in place; nothing is stored in plain text meanwhile.
 * Calls block on JDBC and on key derivation: never call them on the FX thread.
 */
public final class MasterPasswords {

    private static final Logger LOG = LoggerFactory.getLogger(MasterPasswords.class);

    private MasterPasswords() {
    }

    /**
     * Protects the data folder with {@code password} (set, or change when one is set), re-encrypting every stored
     * password with it. {@code current} is the box the folder is open with now; it takes the new key (so a store open
     * with it goes on working) and is returned.
     */
    public static SecretBox set(AppDirs dirs, SecretBox current, char[] password, char[] repeated) {
        if (password == null || password.length == 0) {
            throw new MasterPasswordException(MasterPasswordException.Kind.EMPTY, Reason.of("master.empty"));
        }
        if (!Arrays.equals(password, repeated)) {
            throw new MasterPasswordException(MasterPasswordException.Kind.MISMATCH, Reason.of("master.mismatch"));
        }
        Stored stored = Stored.read(dirs, current);
        // The new salt and verifier go beside the live file first: until the switch, the folder opens as before.
        java.nio.file.Path next = MasterPassword.file(dirs.home()).resolveSibling("master.properties.next");
        SecretBox box = SecretBox.withMasterKey(MasterPassword.write(next, password));
        stored.writeWith(dirs, box);
        try {
            Files.move(next, MasterPassword.file(dirs.home()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MasterPasswordException(MasterPasswordException.Kind.UNREADABLE,
                    Reason.of("master.unreadable", MasterPassword.file(dirs.home()).toString()));
        }
        LOG.info("Stored passwords are now protected by a master password");
        current.adopt(box);
        return current;
    }

    /**
     * Goes back to the key file: every stored password re-encrypted with it, the master password's file removed;
     * {@code current} takes the key file's key and is returned.
     */
    public static SecretBox remove(AppDirs dirs, SecretBox current) {
        Stored stored = Stored.read(dirs, current);
        SecretBox box = SecretBox.fromKeyFile(dirs);
        stored.writeWith(dirs, box);
        try {
            Files.deleteIfExists(MasterPassword.file(dirs.home()));
        } catch (IOException e) {
            throw new MasterPasswordException(MasterPasswordException.Kind.UNREADABLE,
                    Reason.of("master.unreadable", MasterPassword.file(dirs.home()).toString()));
        }
        LOG.info("Stored passwords are protected by the key file again");
        current.adopt(box);
        return current;
    }

    /** Everything of the data folder that holds a password: the settings, read in plain with the current key, and the store. */
    private record Stored(Settings settings, SecretBox current) {

        static Stored read(AppDirs dirs, SecretBox current) {
            return new Stored(new SettingsFile(dirs, current).load(), current);
        }

        /** The config store's passwords in one transaction, then the settings file (written whole, beside and moved). */
        void writeWith(AppDirs dirs, SecretBox box) {
            try (ConfigStore store = ConfigStores.open(settings.configStore(), dirs, current)) {
                if (!(store instanceof JdbcConfigStore jdbc)) {
                    throw new IllegalStateException("a config store of its own kind cannot be encrypted again");
                }
                jdbc.reseal(box);
            }
            new SettingsFile(dirs, box).save(settings);
        }
    }
}

