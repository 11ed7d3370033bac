package io.vigil.config;

import java.util.List;
import java.util.Objects;

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
        boolean enabled) {

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
    }

    public Target withId(long newId) {
        return new Target(newId, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, enabled);
    }

    public Target withEnabled(boolean on) {
        return new Target(id, name, kind, host, port, connectBy, database, tnsAdmin, user, password, tags, on);
    }
}
