package io.vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.config.Secret;
import io.vigil.ledger.RedisLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector;
import io.vigil.series.InfluxSeriesStore;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a team's collector writes: a MySQL/MariaDB cache, a Redis ledger and an InfluxDB series store. Each left out
 * stays embedded in the data folder. Passwords never come from the command line (the process list shows it): from a
 * file named by the matching {@code --…-password-file} option, or else from VIGIL_CACHE_PASSWORD, VIGIL_REDIS_PASSWORD
 * and VIGIL_INFLUX_PASSWORD.
 */
public final class ServerStoreOptions {

    @Option(names = "--cache", paramLabel = "URL", description = "MySQL/MariaDB cache, e.g. jdbc:mysql://db1:3306/vigil_cache.")
    String cacheUrl;

    @Option(names = "--cache-user", paramLabel = "USER", description = "Login for the cache.")
    String cacheUser;

    @Option(names = "--cache-password-file", paramLabel = "FILE", description = "File holding the cache password.")
    Path cachePasswordFile;

    @Option(names = "--ledger-password-file", paramLabel = "FILE", description = "File holding the Redis password.")
    Path ledgerPasswordFile;

    @Option(names = "--series-password-file", paramLabel = "FILE", description = "File holding the InfluxDB password.")
    Path seriesPasswordFile;

    @Option(names = "--ledger", paramLabel = "URI", description = "Redis ledger, e.g. redis://redis1:6379 (key prefix vigil:).")
    URI ledger;

    @Option(names = "--series", paramLabel = "URL", description = "InfluxDB 1.x database, e.g. http://influx1:8086/vigil.")
    URI series;

    @Option(names = "--series-user", paramLabel = "USER", description = "Login for InfluxDB, when it has authentication on.")
    String seriesUser;

    LocalCollector.Stores open() {
        CacheDb cache = cacheUrl == null ? null : CacheDb.mysql(cacheUrl, cacheUser == null ? "" : cacheUser, secret(cachePasswordFile, "VIGIL_CACHE_PASSWORD"));
        RedisLedger redis = null;
        if (ledger != null) {
            if (!"redis".equals(ledger.getScheme()) || ledger.getHost() == null) {
                throw new ParameterException(new picocli.CommandLine(this), "--ledger must look like redis://host:6379, not " + ledger);
            }
            String prefix = ledger.getPath() == null || ledger.getPath().length() <= 1 ? "vigil:" : ledger.getPath().substring(1) + ":";
            redis = new RedisLedger(ledger.getHost(), ledger.getPort() < 0 ? 6379 : ledger.getPort(), "", secret(ledgerPasswordFile, "VIGIL_REDIS_PASSWORD"), prefix);
        }
        InfluxSeriesStore influx = null;
        if (series != null) {
            String db = series.getPath() == null || series.getPath().length() <= 1 ? "vigil" : series.getPath().substring(1);
            String base = series.getScheme() + "://" + series.getHost() + (series.getPort() < 0 ? "" : ":" + series.getPort());
            influx = InfluxSeriesStore.v1(base, db, seriesUser, secret(seriesPasswordFile, "VIGIL_INFLUX_PASSWORD"));
        }
        return new LocalCollector.Stores(cache, redis, influx);
    }

    private static Secret secret(Path file, String envName) {
        if (file == null) {
            return Secret.of(System.getenv(envName));
        }
        try {
            return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new ParameterException(new picocli.CommandLine(new ServerStoreOptions()),
                    "The password file " + file + " could not be read: " + e.getMessage());
        }
    }
}
