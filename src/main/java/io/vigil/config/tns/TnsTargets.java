package io.vigil.config.tns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;

/**
 * Turns tnsnames.ora entries into Oracle targets. Each alias becomes a target that connects by the alias, with
 * TNS_ADMIN the file's folder, so the driver resolves the whole descriptor (failover and load balancing included);
 * host and port are filled from the first TCP/TCPS address for display. Names are made unique against the stored
 * targets, and an alias that a stored target already reaches is not added again.
 */
public final class TnsTargets {

    static final int MAX_NAME = 64;

    private TnsTargets() {
    }

    /**
     * What to give every imported target.
     *
     * @param user     login; empty leaves the targets switched off until someone fills it in
     * @param password the login's password (may be empty)
     * @param tags     tags for all of them
     * @param only     aliases to import (case does not matter); empty imports all
     * @param tlsCaFile the CA file or wallet folder for aliases whose descriptor says TCPS (empty: the CAs Java trusts)
     */
    public record Options(String user, Secret password, List<String> tags, Set<String> only, String tlsCaFile) {

        public Options(String user, Secret password, List<String> tags, Set<String> only) {
            this(user, password, tags, only, "");
        }

        public Options {
            tlsCaFile = tlsCaFile == null ? "" : tlsCaFile.strip();
            user = user == null ? "" : user.strip();
            password = password == null ? Secret.empty() : password;
            tags = tags == null ? List.of() : List.copyOf(tags);
            only = only == null ? Set.of() : only.stream().map(a -> a.strip().toUpperCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        /** Everything, with no login. */
        public static Options none() {
            return new Options("", Secret.empty(), List.of(), Set.of(), "");
        }

        boolean wants(String alias) {
            return only.isEmpty() || only.contains(alias.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One alias and what becomes of it.
     *
     * @param entry    what the file says
     * @param target   the target to add (id 0), named uniquely
     * @param existing the stored target that already reaches this database, when there is one
     */
    public record Planned(TnsEntry entry, Target target, Optional<Target> existing) {

        /** Whether importing adds it: no stored target reaches it yet. */
        public boolean isNew() {
            return existing.isEmpty();
        }
    }

    /** Every wanted entry of the file, in file order, as a target to add or as already present. */
    public static List<Planned> plan(TnsNames file, Collection<Target> saved, Options options) {
        Set<String> taken = new HashSet<>();
        for (Target t : saved) {
            taken.add(t.name().toLowerCase(Locale.ROOT));
        }
        List<Planned> out = new ArrayList<>();
        for (TnsEntry e : file.entries()) {
            if (!options.wants(e.alias())) {
                continue;
            }
            Optional<Target> existing = saved.stream().filter(t -> reaches(t, e, file.folder())).findFirst();
            String name = existing.isPresent() ? existing.get().name() : uniqueName(e.alias(), taken);
            Target target = new Target(0, name, TargetKind.ORACLE, e.host(), e.port(), ConnectBy.TNS_ALIAS, e.alias(), file.folder().toString(),
                    options.user(), options.password(), options.tags(), !options.user().isEmpty(), Set.of(),
                    // the descriptor says TCPS itself; the target says which CA its certificate must be signed by
                    e.tcps() ? Tls.of(TlsMode.VERIFY_CA, options.tlsCaFile()) : Tls.off());
            out.add(new Planned(e, target, existing));
        }
        return out;
    }

    /** The aliases asked for that the file does not define at all (neither readable nor broken), as asked. */
    public static List<String> unknown(TnsNames file, Collection<String> only) {
        Set<String> defined = new HashSet<>();
        file.entries().forEach(e -> defined.add(e.alias().toUpperCase(Locale.ROOT)));
        // an alias whose entry could not be read is reported by its problem, not as missing
        file.problems().forEach(p -> p.aliases().forEach(a -> defined.add(a.toUpperCase(Locale.ROOT))));
        return only.stream().map(String::strip).filter(a -> !a.isEmpty() && !defined.contains(a.toUpperCase(Locale.ROOT))).toList();
    }

    /**
     * Whether a stored target already reaches this entry's database: the same alias in the same TNS_ADMIN folder, or
     * the same host, port and service name or SID typed in by hand.
     */
    static boolean reaches(Target t, TnsEntry e, Path folder) {
        if (t.kind() != TargetKind.ORACLE) {
            return false;
        }
        return switch (t.connectBy()) {
            case TNS_ALIAS -> t.database().equalsIgnoreCase(e.alias()) && sameFolder(t.tnsAdmin(), folder);
            case SERVICE_NAME -> !e.serviceName().isEmpty() && sameAddress(t, e) && t.database().equalsIgnoreCase(e.serviceName());
            case SID -> !e.sid().isEmpty() && sameAddress(t, e) && t.database().equalsIgnoreCase(e.sid());
            default -> false;
        };
    }

    private static boolean sameAddress(Target t, TnsEntry e) {
        return t.host().equalsIgnoreCase(e.host()) && t.port() == e.port();
    }

    private static boolean sameFolder(String tnsAdmin, Path folder) {
        if (tnsAdmin.isEmpty()) {
            return false;
        }
        try {
            return Path.of(tnsAdmin).toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The alias itself, or the alias with -2, -3 … when a target (stored or planned) has that name. */
    static String uniqueName(String alias, Set<String> taken) {
        String base = alias.length() > MAX_NAME ? alias.substring(0, MAX_NAME) : alias;
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            name = (base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
