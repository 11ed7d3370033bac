package io.vigil.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The sort of server a grant script is written for: the dialect of its CREATE USER and GRANT statements, and which
 * mirrors can run there. Each flavour assumes a release when the real one is not known.
 */
public enum GrantFlavour {
    ORACLE11("oracle11", TargetKind.ORACLE, new ServerVersion(11, 2, 0)),
    ORACLE12("oracle12", TargetKind.ORACLE, new ServerVersion(19, 0, 0)),
    ORACLE_CDB("oracle-cdb", TargetKind.ORACLE, new ServerVersion(19, 0, 0)),
    MYSQL("mysql", TargetKind.MYSQL, ServerVersion.UNKNOWN),
    POSTGRES("postgres", TargetKind.POSTGRES, new ServerVersion(16, 0, 0)),
    POSTGRES96("postgres96", TargetKind.POSTGRES, new ServerVersion(9, 6, 0));

    private final String option;
    private final TargetKind kind;
    private final ServerVersion assumed;

    GrantFlavour(String option, TargetKind kind, ServerVersion assumed) {
        this.option = option;
        this.kind = kind;
        this.assumed = assumed;
    }

    /** How the flavour is named on the command line. */
    public String option() {
        return option;
    }

    /** The pack kind it serves. */
    public TargetKind kind() {
        return kind;
    }

    /** The release assumed when the server's own is not known. */
    public ServerVersion assumed() {
        return assumed;
    }

    public boolean oracle() {
        return kind == TargetKind.ORACLE;
    }

    /** The flavour a command-line name stands for. */
    public static Optional<GrantFlavour> ofOption(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (GrantFlavour f : values()) {
            if (f.option.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The likeliest flavour for a target kind when nothing is known of the server: a recent non-CDB Oracle. */
    public static GrantFlavour guess(TargetKind kind) {
        return switch (kind.packKind()) {
            case MYSQL -> MYSQL;
            case POSTGRES -> POSTGRES;
            default -> ORACLE12;
        };
    }

    /** The flavour of a server whose release (and, for Oracle, whether it is a container database) has been read. */
    public static GrantFlavour of(TargetKind kind, ServerVersion release, boolean cdb) {
        return switch (kind.packKind()) {
            case MYSQL -> MYSQL;
            case POSTGRES -> release.major() > 0 && release.major() < 10 ? POSTGRES96 : POSTGRES;
            default -> cdb ? ORACLE_CDB : release.major() > 0 && release.major() < 12 ? ORACLE11 : ORACLE12;
        };
    }
}
