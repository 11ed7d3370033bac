package io.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConnectBy;
import io.vigil.config.Problem;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;

/**
 * The targets a headless collector watches, in a YAML file, for servers that keep no config store:
 * <pre>
 * targets:
 *   - name: prod-db
 *     kind: ORACLE
 *     host: db1.example.com
 *     service: ORCLPDB1        # or sid:, or alias: with tnsAdmin:, or database: for MySQL/PostgreSQL
 *     user: vigil
 *     passwordFile: /etc/vigil/prod-db.pw   # or passwordEnv: PROD_DB_PASSWORD
 *     tags: [prod]
 *     tls: VERIFY_FULL          # OFF, REQUIRE, VERIFY_CA or VERIFY_FULL (TCPS on Oracle)
 *     tlsCaFile: /etc/vigil/db-ca.pem
 * </pre>
 * Passwords are never written in the file itself.
 */
final class CollectorFile {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(String name, TargetKind kind, String host, Integer port, String service, String sid, String alias, String tnsAdmin,
                 String database, String user, String passwordEnv, String passwordFile, List<String> tags, Boolean enabled,
                 String tls, String tlsCaFile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(List<Entry> targets) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CollectorFile() {
    }

    /** The file's targets, validated; a file that does not parse or a target that breaks a rule is refused whole, saying where. */
    static List<Target> read(Path path) {
        File file;
        try {
            file = YAML.readValue(Files.readString(path, StandardCharsets.UTF_8), File.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigStoreException(path + " does not parse" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigStoreException(path + " could not be read: " + e.getMessage(), e);
        }
        if (file == null || file.targets() == null || file.targets().isEmpty()) {
            throw new ConfigStoreException(path + " names no targets (a list under \u201ctargets:\u201d).");
        }
        Messages messages = new Messages(Locale.ENGLISH);
        List<Target> targets = new ArrayList<>();
        long id = 1;
        for (Entry e : file.targets()) {
            Target t = toTarget(id++, e, path);
            List<Problem> problems = Validation.target(t, targets);
            if (!problems.isEmpty()) {
                throw new ConfigStoreException(path + ": target \u201c" + t.name() + "\u201d: "
                        + String.join(" ", problems.stream().map(p -> p.field() + ": " + p.describe(messages)).toList()));
            }
            targets.add(t);
        }
        return targets;
    }

    private static Target toTarget(long id, Entry e, Path path) {
        if (e.kind() == null) {
            throw new ConfigStoreException(path + ": target \u201c" + e.name() + "\u201d has no kind (ORACLE, MYSQL, POSTGRES or DEMO_ORACLE).");
        }
        ConnectBy by;
        String db;
        if (e.kind() == TargetKind.MYSQL || e.kind() == TargetKind.POSTGRES) {
            by = ConnectBy.DATABASE;
            db = e.database();
        } else if (e.alias() != null) {
            by = ConnectBy.TNS_ALIAS;
            db = e.alias();
        } else if (e.sid() != null) {
            by = ConnectBy.SID;
            db = e.sid();
        } else {
            by = ConnectBy.SERVICE_NAME;
            db = e.service();
        }
        int port = e.port() != null ? e.port() : e.kind().defaultPort();
        TlsMode tls = e.tls() == null ? TlsMode.OFF : TlsMode.parse(e.tls());
        if (tls == null) {
            throw new ConfigStoreException(path + ": target \u201c" + e.name() + "\u201d: tls must be OFF, REQUIRE, VERIFY_CA or VERIFY_FULL.");
        }
        return new Target(id, e.name(), e.kind(), e.host(), port, by, db, e.tnsAdmin(), e.user(), password(e, path), e.tags(),
                e.enabled() == null || e.enabled(), java.util.Set.of(), new Tls(tls, e.tlsCaFile()));
    }

    private static Secret password(Entry e, Path path) {
        if (e.passwordFile() != null) {
            try {
                return Secret.of(Files.readString(Path.of(e.passwordFile()), StandardCharsets.UTF_8).strip());
            } catch (IOException ex) {
                throw new ConfigStoreException(path + ": target \u201c" + e.name() + "\u201d: its password file " + e.passwordFile()
                        + " could not be read: " + ex.getMessage(), ex);
            }
        }
        return Secret.of(e.passwordEnv() == null ? null : System.getenv(e.passwordEnv()));
    }
}
