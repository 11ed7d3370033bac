package io.vigil.config;

import io.vigil.i18n.Reason;

/** The master password is needed, wrong, empty, or its file cannot be read; {@link #reason()} says which, in words. */
public final class MasterPasswordException extends ConfigStoreException {

    public enum Kind {
        /** A master password is set and none was given. */
        NEEDED,
        WRONG,
        EMPTY,
        /** The two entries of a new password differ. */
        MISMATCH,
        UNREADABLE
    }

    private final Kind kind;

    public MasterPasswordException(Kind kind, Reason reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
