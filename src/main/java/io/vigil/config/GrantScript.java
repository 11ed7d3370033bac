package io.vigil.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.i18n.Messages;

/**
 * The script a customer's DBA runs to create Vigil's monitoring account and grant it what the target's enabled mirrors
 * read: CREATE USER with a password placeholder, the login privilege, then each grant once with the mirrors that need
 * it. Mirrors the server's release or the target's licences rule out are left out with a comment, and a mirror an
 * admin wrote (whose privileges no pack lists) is named so its grant is worked out by hand. Comments are in the
 * reader's language; Vigil only prints the script, it never runs it.
 */
public final class GrantScript {

    /** What stands where the password goes: the DBA chooses it, Vigil never knows it when it prints the script. */
    public static final String PASSWORD_PLACEHOLDER = "<choose a password>";

    private static final Pattern NOTE = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern SINCE_NOTE = Pattern.compile("(?i)(MariaDB|MySQL)\\s+(\\d+(?:\\.\\d+){0,2})\\s+and later");
    private static final Pattern CONTAINER_DATA = Pattern.compile("(?i)^ALTER USER .*CONTAINER_DATA.*$");
    private static final Pattern V_VIEW = Pattern.compile("(?i)\\bON\\s+(?:sys\\.)?(g?v)\\$(\\w+)");
    private static final Pattern PG_PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * How the script is written.
     *
     * @param flavour the server's dialect and what it runs
     * @param release the server's release when read from it; {@link ServerVersion#UNKNOWN} to assume the flavour's
     * @param roles   on Oracle, one role (SELECT_CATALOG_ROLE) instead of a grant per object
     * @param host    where a MySQL/MariaDB account may log in from ({@code %}: anywhere)
     */
    public record Options(GrantFlavour flavour, ServerVersion release, boolean roles, String host) {

        public Options {
            release = release == null ? ServerVersion.UNKNOWN : release;
            host = host == null || host.isBlank() ? "%" : host.strip();
        }

        public Options(GrantFlavour flavour) {
            this(flavour, ServerVersion.UNKNOWN, false, "%");
        }

        /** The release the script is written for: the server's own, or the one the flavour assumes. */
        public ServerVersion effectiveRelease() {
            return release.equals(ServerVersion.UNKNOWN) ? flavour.assumed() : release;
        }
    }

    /**
     * A written script.
     *
     * @param text      the whole script, ready to paste
     * @param account   the account it creates, as the server names it
     * @param warnings  what the reader must know before running it (also comments in the text)
     * @param byMirror  the statements each mirror needs, for telling what one mirror misses
     */
    public record Script(String text, String account, List<String> warnings, Map<String, List<String>> byMirror) {

        public Script {
            warnings = List.copyOf(warnings);
            byMirror = Map.copyOf(byMirror);
        }

        /** The statements a mirror needs; empty for a mirror that needs nothing beyond logging in, or is unknown. */
        public List<String> grantsOf(String mirror) {
            return byMirror.getOrDefault(mirror, List.of());
        }
    }

    private final Messages messages;

    public GrantScript(Messages messages) {
        this.messages = messages;
    }

    /** The grants the shipped pack lists per mirror ({user} for the monitoring user). Reads the pack file. */
    public static Map<String, List<String>> packGrants(TargetKind kind) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Pack.PackMirror m : Packs.shipped(kind.packKind()).mirrors()) {
            out.putIfAbsent(m.name(), m.grants() == null ? List.of() : List.copyOf(m.grants()));
        }
        return out;
    }

    /** The script for a target whose enabled mirrors of the flavour's kind are among {@code mirrors}. */
    public Script write(Target target, List<MirrorDef> mirrors, Map<String, List<String>> packGrants, Options options) {
        GrantFlavour flavour = options.flavour();
        ServerVersion release = options.effectiveRelease();
        List<String> warnings = new ArrayList<>();
        String account = account(target, flavour, warnings);
        String grantee = grantee(account, flavour, options.host());

        Map<String, Set<String>> statements = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> conditional = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, List<String>> byMirror = new LinkedHashMap<>();
        List<String> loginOnly = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> containerData = new LinkedHashSet<>();
        Set<String> needsMonitorRole = new LinkedHashSet<>();

        for (MirrorDef m : mirrors) {
            if (!m.enabled() || m.kind() != flavour.kind()) {
                continue;
            }
            if (!m.allowedWith(target.licensed())) {
                left.add(messages.get("grants.left.licence", m.name(), messages.get("licence." + m.licence().name())));
                continue;
            }
            if (!m.runsOn(release)) {
                left.add(messages.get("grants.left.version", m.name(), m.minVersion(), release.toString()));
                continue;
            }
            List<String> known = packGrants.get(m.name());
            if (known == null) {
                unknown.add(m.name());
                continue;
            }
            if (known.isEmpty()) {
                loginOnly.add(m.name());
                continue;
            }
            List<String> mine = new ArrayList<>();
            for (String line : known) {
                String raw = line.replace("{user}", grantee).strip();
                String note = "";
                Matcher n = NOTE.matcher(raw);
                if (n.matches()) {
                    raw = n.group(1).strip();
                    note = n.group(2).strip();
                }
                if (flavour.oracle() && CONTAINER_DATA.matcher(raw).matches()) {
                    containerData.add(m.name());
                    if (flavour == GrantFlavour.ORACLE_CDB) {
                        mine.add(containerDataStatement(account));
                    }
                    continue;
                }
                if (flavour == GrantFlavour.POSTGRES96 && raw.toLowerCase(Locale.ROOT).startsWith("grant pg_monitor")) {
                    needsMonitorRole.add(m.name());
                    continue;
                }
                String sql = flavour.oracle() ? oracleGrant(raw, flavour, options.roles(), grantee) : raw;
                Boolean holds = holds(note, flavour, options.release());
                if (holds == null) {
                    conditional.computeIfAbsent(sql, k -> new LinkedHashSet<>()).add(m.name());
                    conditions.putIfAbsent(sql, note);
                } else if (holds) {
                    statements.computeIfAbsent(sql, k -> new LinkedHashSet<>()).add(m.name());
                    mine.add(sql);
                    if (!note.isEmpty() && !SINCE_NOTE.matcher(note).find()) {
                        conditions.putIfAbsent(sql, note);
                    }
                }
            }
            byMirror.put(m.name(), List.copyOf(new LinkedHashSet<>(mine)));
        }

        StringBuilder out = new StringBuilder();
        comment(out, messages.get("grants.header", target.name(), messages.get("grants.flavour." + flavour.name()), release.toString()));
        comment(out, messages.get("grants.header.run"));
        comment(out, messages.get("grants.header.password", PASSWORD_PLACEHOLDER));
        if (options.release().equals(ServerVersion.UNKNOWN)) {
            comment(out, messages.get("grants.header.assumed"));
        }
        for (String w : warnings) {
            comment(out, messages.get("grants.warning", w));
        }
        out.append('\n');
        header(out, flavour, account, grantee, target, containerData);
        body(out, flavour, options.roles(), grantee, statements, conditional, conditions, needsMonitorRole);
        footer(out, flavour, loginOnly, left, unknown, containerData);
        if (flavour.oracle() && options.roles()) {
            String role = roleStatement(flavour, grantee);
            byMirror.replaceAll((k, v) -> v.isEmpty() ? v : v.stream().map(s -> s.startsWith("ALTER USER") ? s : role).distinct().toList());
        }
        return new Script(out.toString(), account, warnings, byMirror);
    }

    private String account(Target target, GrantFlavour flavour, List<String> warnings) {
        String user = target.user().isEmpty() ? "vigil" : target.user();
        if (flavour != GrantFlavour.ORACLE_CDB) {
            return user;
        }
        if (user.toUpperCase(Locale.ROOT).startsWith("C##")) {
            return user.toUpperCase(Locale.ROOT);
        }
        String common = "C##" + user.toUpperCase(Locale.ROOT);
        warnings.add(messages.get("grants.warning.commonUser", user, common));
        return common;
    }

    private static String grantee(String account, GrantFlavour flavour, String host) {
        return switch (flavour.kind()) {
            case MYSQL -> "'" + account.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
            case POSTGRES -> PG_PLAIN.matcher(account).matches() ? account : "\"" + account.replace("\"", "\"\"") + "\"";
            default -> account;
        };
    }

    private void header(StringBuilder out, GrantFlavour flavour, String account, String grantee, Target target, Set<String> containerData) {
        switch (flavour) {
            case ORACLE_CDB -> {
                out.append("CREATE USER ").append(grantee).append(" IDENTIFIED BY \"").append(PASSWORD_PLACEHOLDER).append("\" CONTAINER=ALL;\n");
                out.append("GRANT CREATE SESSION TO ").append(grantee).append(" CONTAINER=ALL;\n");
                comment(out, messages.get("grants.cdb.containerData"));
                out.append(containerDataStatement(account)).append(";\n");
            }
            case ORACLE11, ORACLE12 -> {
                out.append("CREATE USER ").append(grantee).append(" IDENTIFIED BY \"").append(PASSWORD_PLACEHOLDER).append("\";\n");
                out.append("GRANT CREATE SESSION TO ").append(grantee).append(";\n");
            }
            case MYSQL -> out.append("CREATE USER ").append(grantee).append(" IDENTIFIED BY '").append(PASSWORD_PLACEHOLDER).append("';\n");
            case POSTGRES, POSTGRES96 -> {
                out.append("CREATE ROLE ").append(grantee).append(" LOGIN PASSWORD '").append(PASSWORD_PLACEHOLDER).append("';\n");
                if (target.database().isEmpty()) {
                    comment(out, messages.get("grants.pg.noDatabase"));
                    out.append("-- GRANT CONNECT ON DATABASE <database> TO ").append(grantee).append(";\n");
                } else {
                    out.append("GRANT CONNECT ON DATABASE ").append(pgIdentifier(target.database())).append(" TO ").append(grantee).append(";\n");
                }
            }
        }
    }

    private void body(StringBuilder out, GrantFlavour flavour, boolean roles, String grantee, Map<String, Set<String>> statements,
                      Map<String, Set<String>> conditional, Map<String, String> notes, Set<String> needsMonitorRole) {
        if (flavour.oracle() && roles && !statements.isEmpty()) {
            Set<String> all = new LinkedHashSet<>();
            statements.values().forEach(all::addAll);
            out.append('\n');
            comment(out, messages.get("grants.roles", String.join(", ", all)));
            out.append(roleStatement(flavour, grantee)).append(";\n");
        } else {
            for (Map.Entry<String, Set<String>> e : statements.entrySet()) {
                out.append('\n');
                comment(out, messages.get("grants.neededBy", String.join(", ", e.getValue())));
                if (notes.containsKey(e.getKey())) {
                    comment(out, messages.get("grants.note", notes.get(e.getKey())));
                }
                out.append(e.getKey()).append(";\n");
            }
        }
        for (Map.Entry<String, Set<String>> e : conditional.entrySet()) {
            out.append('\n');
            comment(out, messages.get("grants.neededBy", String.join(", ", e.getValue())));
            comment(out, messages.get("grants.conditional", notes.get(e.getKey())));
            out.append("-- ").append(e.getKey()).append(";\n");
        }
        if (!needsMonitorRole.isEmpty()) {
            out.append('\n');
            comment(out, messages.get("grants.pg96.noMonitorRole", String.join(", ", needsMonitorRole)));
            comment(out, messages.get("grants.pg96.superuser"));
            out.append("-- ALTER ROLE ").append(grantee).append(" SUPERUSER;\n");
        }
    }

    private void footer(StringBuilder out, GrantFlavour flavour, List<String> loginOnly, List<String> left, List<String> unknown,
                        Set<String> containerData) {
        boolean any = !loginOnly.isEmpty() || !left.isEmpty() || !unknown.isEmpty()
                || flavour != GrantFlavour.ORACLE_CDB && !containerData.isEmpty();
        if (any) {
            out.append('\n');
        }
        if (!loginOnly.isEmpty()) {
            comment(out, messages.get("grants.loginOnly", String.join(", ", loginOnly)));
        }
        if (flavour != GrantFlavour.ORACLE_CDB && !containerData.isEmpty()) {
            comment(out, messages.get("grants.nonCdb.containerData", String.join(", ", containerData)));
        }
        for (String l : left) {
            comment(out, l);
        }
        for (String u : unknown) {
            comment(out, messages.get("grants.unknown", u));
        }
    }

    /** An Oracle grant as the flavour writes it: V$ views through their SYS synonyms' base views, and CONTAINER=ALL on a CDB. */
    private static String oracleGrant(String raw, GrantFlavour flavour, boolean roles, String grantee) {
        String sql = V_VIEW.matcher(raw).replaceAll(r -> "ON sys." + r.group(1).toLowerCase(Locale.ROOT) + "_\\$" + r.group(2).toLowerCase(Locale.ROOT));
        if (flavour == GrantFlavour.ORACLE_CDB && sql.toUpperCase(Locale.ROOT).startsWith("GRANT ")
                && !sql.toUpperCase(Locale.ROOT).contains("CONTAINER=ALL") && !sql.toUpperCase(Locale.ROOT).contains("CONTAINER = ALL")) {
            sql = sql + " CONTAINER=ALL";
        }
        return sql;
    }

    private static String roleStatement(GrantFlavour flavour, String grantee) {
        return "GRANT SELECT_CATALOG_ROLE TO " + grantee + (flavour == GrantFlavour.ORACLE_CDB ? " CONTAINER=ALL" : "");
    }

    private static String containerDataStatement(String account) {
        return "ALTER USER " + account + " SET CONTAINER_DATA=ALL CONTAINER=CURRENT";
    }

    /**
     * Whether a grant with this note belongs in the script: true when it applies (or has no version condition), false
     * when the server is known not to need it, null when the release is not known and the DBA decides.
     */
    private static Boolean holds(String note, GrantFlavour flavour, ServerVersion release) {
        Matcher since = SINCE_NOTE.matcher(note);
        if (!since.find()) {
            return Boolean.TRUE;
        }
        if (release.equals(ServerVersion.UNKNOWN)) {
            return null;
        }
        boolean mariaDb = release.major() >= 10; // MySQL has no 10.x or 11.x release; MariaDB has nothing below 10
        boolean wantsMariaDb = since.group(1).equalsIgnoreCase("MariaDB");
        return mariaDb == wantsMariaDb && release.atLeast(ServerVersion.parse(since.group(2)));
    }

    private static String pgIdentifier(String name) {
        return PG_PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void comment(StringBuilder out, String text) {
        text.lines().forEach(l -> out.append("-- ").append(l).append('\n'));
    }
}
