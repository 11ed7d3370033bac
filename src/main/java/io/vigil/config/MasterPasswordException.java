package io.vigil.config;

import java.util.Locale;

import io.vigil.i18n.Messages;
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
    private final transient Reason reason;

    public MasterPasswordException(Kind kind, Reason reason) {
        super(new Messages(Locale.ENGLISH).render(reason));
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }
}
