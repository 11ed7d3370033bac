package io.vigil.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.vigil.i18n.Reason;

/**
 * Encrypts passwords before they are stored: AES-256-GCM with a fresh 12-byte IV per value, written as
 * {@code v1:} + Base64(IV ‖ ciphertext ‖ tag). GCM's tag makes a tampered or foreign value fail loudly instead of
 * decrypting to garbage.
 */
public final class SecretBox {

    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    // both change together when the master password is set, changed or removed under an open store (adopt)
    private volatile SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final Optional<Reason> keyFileWarning;
    private volatile boolean masterPassword;

    SecretBox(byte[] keyBytes) {
        this(keyBytes, Optional.empty(), false);
    }

    private SecretBox(byte[] keyBytes, Optional<Reason> keyFileWarning, boolean masterPassword) {
        this.keyFileWarning = keyFileWarning;
        this.masterPassword = masterPassword;
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
    }

    /** The box whose key is the owner-only key file in the app-data folder, created on first use. */
    public static SecretBox fromKeyFile(AppDirs dirs) {
        KeyFile.Read read = KeyFile.read(dirs.keyFile());
        return new SecretBox(read.key(), read.warning(), false);
    }

    /** The box whose key is derived from a master password; a wrong password is refused with a clear message. */
    public static SecretBox fromMasterPassword(AppDirs dirs, char[] password) {
        return new SecretBox(MasterPassword.deriveKey(dirs.home(), password), Optional.empty(), true);
    }

    /** Whether the stored passwords of the data folder are protected by a master password (instead of the key file). */
    public static boolean masterPasswordSet(AppDirs dirs) {
        return MasterPassword.isSet(dirs.home());
    }

    /**
     * The box of the data folder: the master password's when one is set (asked of {@code masterPassword}, which may
     * answer null when nobody can be asked), otherwise the key file's.
     *
     * @throws MasterPasswordException when a master password is set and none, or a wrong one, was given
     */
    public static SecretBox forDataFolder(AppDirs dirs, Supplier<char[]> masterPassword) {
        if (!masterPasswordSet(dirs)) {
            return fromKeyFile(dirs);
        }
        char[] password = masterPassword.get();
        if (password == null) {
            throw new MasterPasswordException(MasterPasswordException.Kind.NEEDED, Reason.of("master.needed"));
        }
        try {
            return fromMasterPassword(dirs, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A box made with a key derived elsewhere (the master password being set). */
    static SecretBox withMasterKey(byte[] key) {
        return new SecretBox(key, Optional.empty(), true);
    }

    /** What the key file's permission check found, when it was too open: a sentence to show where the user looks. */
    public Optional<Reason> keyFileWarning() {
        return keyFileWarning;
    }

    /**
     * Takes {@code other}'s key: what holds this box (an open config store, the settings file) encrypts and decrypts with
     * the new key from now on. Used once every stored password has been encrypted again with it.
     */
    synchronized void adopt(SecretBox other) {
        this.key = other.key;
        this.masterPassword = other.masterPassword;
    }

    /** Whether this box's key comes from a master password. */
    public boolean usesMasterPassword() {
        return masterPassword;
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The plain text of a value {@link #encrypt} produced with the same key. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw unreadable(null);
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length < IV_BYTES + TAG_BITS / 8) {
                throw unreadable(null);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw unreadable(e);
        }
    }

    /** Encrypts a secret for storage; an empty secret is stored as an empty string. */
    public String seal(Secret secret) {
        return secret.isEmpty() ? "" : encrypt(secret.reveal());
    }

    /** The secret a {@link #seal} produced; an empty string is the empty secret. */
    public Secret open(String stored) {
        return stored == null || stored.isEmpty() ? Secret.empty() : Secret.of(decrypt(stored));
    }

    // The cause is dropped on purpose: crypto exceptions can carry fragments of the input. Its type goes to the log only.
    private static ConfigStoreException unreadable(Exception cause) {
        if (cause != null) {
            org.slf4j.LoggerFactory.getLogger(SecretBox.class).debug("A stored password did not decrypt: {}", cause.getClass().getSimpleName());
        }
        return new ConfigStoreException(Reason.of("secrets.undecryptable"));
    }
}
