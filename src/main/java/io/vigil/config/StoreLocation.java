package io.vigil.config;

import java.util.Objects;

/**
 * Where the config store lives.
 *
 * @param kind     embedded H2 file, or a MySQL/MariaDB server
 * @param url      JDBC URL for {@link StoreKind#MYSQL}, e.g. {@code jdbc:mysql://db1:3306/vigil}; empty when embedded
 * @param user     login for the server; empty when embedded
 * @param password login password; masked when printed, encrypted at rest
 */
public record StoreLocation(StoreKind kind, String url, String user, Secret password) {

    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? Secret.empty() : password;
    }

    public static StoreLocation embedded() {
        return new StoreLocation(StoreKind.EMBEDDED, "", "", Secret.empty());
    }
}
