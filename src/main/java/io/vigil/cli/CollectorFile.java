package io.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vigil.config.InputErrors;
import io.vigil.config.InputException;
import io.vigil.config.InputProblem;
import io.vigil.config.ConnectBy;
import io.vigil.config.Problem;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

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
public final class CollectorFile {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(String name, TargetKind kind, String host, Integer port, String service, String sid, String alias, String tnsAdmin,
                 String database, String user, String passwordEnv, String passwordFile, List<String> tags, Boolean enabled,
                 String tls, String tlsCaFile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(List<Entry> targets) {
    }

    private static final ObjectMapper YAML = InputErrors.strict(new ObjectMapper(new YAMLFactory()));

    private CollectorFile() {
    }

    /** As {@link #read(Path, Map, Messages)} with this process's environment. */
    static List<Target> read(Path path, Messages messages) {
        return read(path, System.getenv(), messages);
    }

    /**
     * The file's targets, validated; a file that does not parse or a target that breaks a rule is refused whole with an
     * {@link InputException} saying where and what would be right.
     */
    public static List<Target> read(Path path, Map<String, String> env, Messages messages) {
        String source = String.valueOf(path.getFileName() == null ? path : path.getFileName());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(source, InputErrors.of(e, null), messages, e);
        }
        File file;
        try {
            file = YAML.readValue(text, File.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InputException(source, InputErrors.of(e, text), messages, e);
        }
        if (file == null || file.targets() == null || file.targets().isEmpty()) {
            throw new InputException(source, InputProblem.at(0, "targets", "input.noTargets"), messages);
        }
        List<Integer> lines = entryLines(text);
        List<Target> targets = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < file.targets().size(); i++) {
            Entry e = file.targets().get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            Reason entry = Reason.of("input.entry", Reason.of("input.entry.target"), InputProblem.cut(e == null ? "" : e.name()));
            if (e == null || e.kind() == null) {
                throw new InputException(source, new InputProblem(line, entry, e == null ? "" : "kind", Reason.of("input.missing",
                        e == null ? Reason.of("input.expect.fields") : InputErrors.expected(TargetKind.class, "kind"))), messages);
            }
            TlsMode tls = e.tls() == null ? TlsMode.OFF : TlsMode.parse(e.tls());
            if (tls == null) {
                throw new InputException(source, new InputProblem(line, entry, "tls", Reason.of("input.needed",
                        Reason.of("input.expect.oneOf", "OFF, REQUIRE, VERIFY_CA, VERIFY_FULL"),
                        Reason.of("input.given.text", InputProblem.cut(e.tls())))), messages);
            }
            Target t = toTarget(id++, e, password(e, env, source, line, entry, messages), tls);
            List<Problem> problems = Validation.target(t, targets);
            if (!problems.isEmpty()) {
                throw new InputException(source, new InputProblem(line, entry, "", InputProblem.rules(problems)), messages);
            }
            targets.add(t);
        }
        return targets;
    }

    // The line each entry under targets: starts at, in order; empty when the file does not tokenise (parsing said why).
    private static List<Integer> entryLines(String text) {
        List<Integer> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (t == JsonToken.START_OBJECT && depth == 2) {
                        out.add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static Target toTarget(long id, Entry e, Secret password, TlsMode tls) {
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
        return new Target(id, e.name(), e.kind(), e.host(), port, by, db, e.tnsAdmin(), e.user(), password, e.tags(),
                e.enabled() == null || e.enabled(), java.util.Set.of(), new Tls(tls, e.tlsCaFile()));
    }

    private static Secret password(Entry e, Map<String, String> env, String source, int line, Reason entry, Messages messages) {
        if (e.passwordFile() != null) {
            try {
                return Secret.of(Files.readString(Path.of(e.passwordFile()), StandardCharsets.UTF_8).strip());
            } catch (IOException | RuntimeException ex) {
                throw new InputException(source, new InputProblem(line, entry, "passwordFile",
                        Reason.of("input.passwordFile", InputProblem.cut(e.passwordFile()))), messages, ex);
            }
        }
        if (e.passwordEnv() != null && env.get(e.passwordEnv()) == null) {
            throw new InputException(source, new InputProblem(line, entry, "passwordEnv",
                    Reason.of("input.env.unset", InputProblem.cut(e.passwordEnv()))), messages);
        }
        return Secret.of(e.passwordEnv() == null ? null : env.get(e.passwordEnv()));
    }
}
