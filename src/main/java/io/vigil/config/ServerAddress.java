package io.vigil.config;

/**
 * Where one of the collector's stores lives: empty for the embedded one in the data folder, or a server's address
 * with its login: {@code jdbc:mysql://db1:3306/vigil_cache} (cache), {@code redis://redis1:6379/vigil} (ledger, the
 * path is the key prefix), {@code http://influx1:8086/vigil} (series, InfluxDB 1.x database).
 */
public record ServerAddress(String url, String user, Secret password) {

    public ServerAddress {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? Secret.empty() : password;
    }

    public static ServerAddress embedded() {
        return new ServerAddress("", "", Secret.empty());
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }
}
