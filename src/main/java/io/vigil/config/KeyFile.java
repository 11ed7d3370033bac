package io.vigil.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Reason;

/** The 32-byte key in the app-data folder, readable by its owner only. */
final class KeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {
    }

    /** The key, and what the permission check found (a key file others could read is a warning to show). */
    record Read(byte[] key, Optional<Reason> warning) {
    }

    static Read read(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            Optional<Reason> warning = tighten(file);
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) {
                throw new ConfigStoreException(Reason.of("keyfile.damaged", file.toString(), key.length));
            }
            return new Read(key, warning);
        } catch (IOException e) {
            throw new ConfigStoreException(Reason.of("keyfile.unreadable", file.toString(), FileFailures.why(file, e)), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        try {
            // Created with owner-only permissions in one step, so there is no moment when others could read it.
            Path created = posix
                    ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createFile(file, new FileAttribute<?>[0]);
            if (!posix) {
                restrictAcl(created);
            }
            Files.write(created, key);
            LOG.info("Created the key that encrypts stored passwords: {}", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("Another process created the key file first: {}", file);
        }
    }

    /**
     * Takes group and other permissions away from a key file that has them, e.g. after a careless copy, and says so:
     * whoever could read it may hold a copy. When the permissions cannot be changed (another owner, a read-only mount),
     * the warning says how to fix them instead.
     */
    private static Optional<Reason> tighten(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return Optional.empty();
        }
        Set<PosixFilePermission> now = posix.readAttributes().permissions();
        if (OWNER_ONLY.containsAll(now)) {
            return Optional.empty();
        }
        String was = PosixFilePermissions.toString(now);
        try {
            posix.setPermissions(OWNER_ONLY);
            LOG.warn("The key file {} was readable by others ({}); it is now readable by its owner only", file, was);
            return Optional.of(Reason.of("keyfile.tightened", file.toString(), was));
        } catch (IOException | SecurityException e) {
            LOG.warn("The key file {} is readable by others ({}) and its permissions could not be changed: {}", file, was, e.toString());
            return Optional.of(Reason.of("keyfile.tooOpen", file.toString(), was));
        }
    }

    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            LOG.warn("The file system of {} supports neither POSIX permissions nor ACLs; protect the folder yourself", file);
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        AclEntry ownerOnly = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.WRITE_ATTRIBUTES,
                        AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE,
                        AclEntryPermission.SYNCHRONIZE))
                .build();
        acl.setAcl(List.of(ownerOnly));
    }
}
