package io.vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.config.InputErrors;
import io.vigil.config.InputProblem;
import io.vigil.config.Secret;
import io.vigil.i18n.Reason;
import io.vigil.config.ServerAddress;
import io.vigil.schedule.DataStores;
import io.vigil.schedule.LocalCollector;

import picocli.CommandLine.Option;

/**
 * Where a team's collector writes: a MySQL/MariaDB cache, a Redis ledger and an InfluxDB series store. Each left out
 * stays embedded in the data folder. Passwords never come from the command line (the process list shows it): from a
 * file named by the matching {@code --…-password-file} option, or else from VIGIL_CACHE_PASSWORD, VIGIL_REDIS_PASSWORD
 * and VIGIL_INFLUX_PASSWORD.
 */
public final class ServerStoreOptions {

    @Option(names = "--cache", paramLabel = "URL", description = "MySQL/MariaDB cache, e.g. jdbc:mysql://db1:3306/vigil_cache "
            + "(TLS: ?sslMode=VERIFY_IDENTITY&tlsCaFile=/etc/vigil/ca.pem).")
    String cacheUrl;

    @Option(names = "--cache-user", paramLabel = "USER", description = "Login for the cache.")
    String cacheUser;

    @Option(names = "--cache-password-file", paramLabel = "FILE", description = "File holding the cache password.")
    Path cachePasswordFile;

    @Option(names = "--ledger-password-file", paramLabel = "FILE", description = "File holding the Redis password.")
    Path ledgerPasswordFile;

    @Option(names = "--series-password-file", paramLabel = "FILE", description = "File holding the InfluxDB password.")
    Path seriesPasswordFile;

    @Option(names = "--ledger", paramLabel = "URI", description = "Redis ledger, e.g. redis://redis1:6379 (key prefix vigil:); "
            + "rediss://redis1:6380?tlsCaFile=/etc/vigil/ca.pem for TLS.")
    URI ledger;

    @Option(names = "--series", paramLabel = "URL", description = "InfluxDB 1.x database, e.g. http://influx1:8086/vigil; "
            + "https://influx1:8086/vigil?tlsCaFile=/etc/vigil/ca.pem for TLS.")
    URI series;

    @Option(names = "--series-user", paramLabel = "USER", description = "Login for InfluxDB, when it has authentication on.")
    String seriesUser;

    /** The command these options are part of, so a mistake is reported by it, on its error stream. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    private picocli.CommandLine commandLine() {
        return command != null ? command.commandLine() : new picocli.CommandLine(new ServerStoreOptions());
    }

    private static final io.vigil.i18n.Messages ENGLISH = new io.vigil.i18n.Messages(java.util.Locale.ENGLISH);

    /**
     * The stores the options name; throws {@link DataStores.Refused} with the reason in words when one cannot be
     * opened.
     */
    LocalCollector.Stores open() {
        ServerAddress cache = cacheUrl == null ? ServerAddress.embedded()
                : new ServerAddress(cacheUrl, cacheUser, secret(cachePasswordFile, "--cache-password-file", "VIGIL_CACHE_PASSWORD"));
        ServerAddress redis = ledger == null ? ServerAddress.embedded()
                : new ServerAddress(ledger.toString(), "", secret(ledgerPasswordFile, "--ledger-password-file", "VIGIL_REDIS_PASSWORD"));
        ServerAddress influx = series == null ? ServerAddress.embedded()
                : new ServerAddress(series.toString(), seriesUser, secret(seriesPasswordFile, "--series-password-file", "VIGIL_INFLUX_PASSWORD"));
        check("--cache", DataStores.Role.CACHE, cache);
        check("--ledger", DataStores.Role.LEDGER, redis);
        check("--series", DataStores.Role.SERIES, influx);
        return DataStores.open(cache, redis, influx);
    }

    private void check(String option, DataStores.Role role, ServerAddress a) {
        Reason problem = DataStores.problem(role, a);
        if (!problem.isEmpty()) {
            throw new OptionProblem(commandLine(), option, ENGLISH.render(problem), Reason.of("input.needed",
                    storeExample(role), Reason.of("input.given.text", InputProblem.cut(a.url()))));
        }
    }

    private static Reason storeExample(DataStores.Role role) {
        return switch (role) {
            case CACHE -> Reason.of("cli.usage.store.CACHE");
            case LEDGER -> Reason.of("cli.usage.store.LEDGER");
            case SERIES -> Reason.of("cli.usage.store.SERIES");
        };
    }

    private Secret secret(Path file, String option, String envName) {
        if (file == null) {
            return Secret.of(System.getenv(envName));
        }
        try {
            return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new OptionProblem(commandLine(), option + " " + file,
                    "The password file " + file + " could not be read.", InputErrors.of(e, null).what());
        }
    }
}
