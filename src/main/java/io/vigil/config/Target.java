package io.vigil.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A database Vigil watches.
 *
 * @param id        store identity; 0 for a target not saved yet
 * @param name      unique, shown in the tree and on tiles
 * @param kind      what sort of database it is
 * @param host      host name or address (unused for {@link ConnectBy#TNS_ALIAS} and the demo)
 * @param port      TCP port, 1–65535 (unused for {@link ConnectBy#TNS_ALIAS} and the demo)
 * @param connectBy how {@code database} is to be read
 * @param database  service name, SID, tnsnames alias or database name
 * @param tnsAdmin  folder holding tnsnames.ora, for {@link ConnectBy#TNS_ALIAS}
 * @param user      login user
 * @param password  login password; masked when printed, encrypted at rest
 * @param tags      groups in the target tree, e.g. "prod", "billing"
 * @param enabled   whether the executor collects from it
 * @param licensed  the Oracle option packs the site has licensed for this database; mirrors that need another stay off
 * @param tls       whether and how the connection is encrypted (TLS; TCPS on Oracle)
 */
public record Target(
        long id,
        String name,
        TargetKind kind,
        String host,
        int port,
        ConnectBy connectBy,
        String database,
        String tnsAdmin,
        String user,
        Secret password,
        List<String> tags,
        boolean enabled,
        Set<LicensedPack> licensed,
        Tls tls) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(connectBy, "connectBy");
        name = name == null ? "" : name.strip();
        host = host == null ? "" : host.strip();
        database = database == null ? "" : database.strip();
        tnsAdmin = tnsAdmin == null ? "" : tnsAdmin.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? Secret.empty() : password;
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        licensed = licensed == null || licensed.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(licensed));
        tls = tls == null ? Tls.off() : tls;
    }

    /** A target connecting without TLS. */
    public Target(long id, String name, TargetKind kind, String host, int port, ConnectBy connectBy, String database, String tnsAdmin,
                  String user, Secret password, List<String> tags, boolean enabled, Set<LicensedPack> licensed) {
        this(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled, licensed, Tls.off());
    }

    /** A target with no option pack licensed. */
    public Target(long id, String name, TargetKind kind, String host, int port, ConnectBy connectBy, String database, String tnsAdmin,
                  String user, Secret password, List<String> tags, boolean enabled) {
        this(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled, Set.of(), Tls.off());
    }

    public Target withLicensed(Set<LicensedPack> packs) {
        return new Target(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled, packs, tls);
    }

    public Target withId(long newId) {
        return new Target(newId, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled, licensed, tls);
    }

    public Target withEnabled(boolean on) {
        return new Target(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, on, licensed, tls);
    }

    public Target withTls(Tls how) {
        return new Target(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled, licensed, how);
    }
}
