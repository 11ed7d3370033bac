package io.vigil.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Reason;

/**
 * A key derived from a master password (PBKDF2-HMAC-SHA256). The salt and an encrypted verifier live in
 * {@code master.properties}, so a wrong password is refused plainly instead of producing unreadable passwords.
 */
final class MasterPassword {

    static final int ITERATIONS = 310_000;
    private static final String FILE = "master.properties";
    private static final Logger LOG = LoggerFactory.getLogger(MasterPassword.class);
    private static final String VERIFIER_TEXT = "vigil-master-password-check";

    private MasterPassword() {
    }

    /** Whether a master password protects the stored passwords of the data folder {@code home}. */
    static boolean isSet(Path home) {
        return Files.exists(home.resolve(FILE));
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    /**
     * Writes the salt and verifier of a new master password to {@code file}, a staging file the caller moves into place
     * once every stored password is encrypted with the key returned.
     */
    static byte[] write(Path file, char[] password) {
        if (password == null || password.length == 0) {
            throw new MasterPasswordException(MasterPasswordException.Kind.EMPTY, Reason.of("master.empty"));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            return create(file, password);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static byte[] deriveKey(Path home, char[] password) {
        if (password == null || password.length == 0) {
            throw new MasterPasswordException(MasterPasswordException.Kind.EMPTY, Reason.of("master.empty"));
        }
        Path file = home.resolve(FILE);
        try {
            Files.createDirectories(home);
            if (!Files.exists(file)) {
                return create(file, password);
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
            int iterations = Integer.parseInt(p.getProperty("iterations", String.valueOf(ITERATIONS)));
            byte[] key = pbkdf2(password, salt, iterations);
            try {
                if (!VERIFIER_TEXT.equals(new SecretBox(key).decrypt(p.getProperty("verifier", "")))) {
                    throw wrong();
                }
            } catch (ConfigStoreException e) {
                throw wrong();
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
    }

    private static MasterPasswordException unreadable(Path file, Exception e) {
        LOG.warn("The master password file {} could not be read or written: {}", file, e.toString());
        return new MasterPasswordException(MasterPasswordException.Kind.UNREADABLE, Reason.of("master.unreadable", file.toString()));
    }

    private static byte[] create(Path file, char[] password) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = pbkdf2(password, salt, ITERATIONS);
        Properties p = new Properties();
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        p.setProperty("iterations", String.valueOf(ITERATIONS));
        p.setProperty("verifier", new SecretBox(key).encrypt(VERIFIER_TEXT));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Vigil master password: salt and verifier (no password is stored here)");
        }
        return key;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        }
    }

    private static MasterPasswordException wrong() {
        return new MasterPasswordException(MasterPasswordException.Kind.WRONG, Reason.of("master.wrong"));
    }
}
