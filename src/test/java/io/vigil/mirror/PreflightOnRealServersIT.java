package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.GrantScript;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * The pre-flight against the real MariaDB and PostgreSQL with a fresh monitoring account: it names the mirrors whose
 * privilege is missing with the grants they need; once a DBA has run what the grant script says, every mirror reads.
 */
class PreflightOnRealServersIT {

    private static final Messages EN = new Messages(Locale.ENGLISH);

    record Checked(Preflight.Report report, GrantScript.Script script) {

        Map<String, Preflight.State> states() {
            return report.outcomes().stream().collect(Collectors.toMap(Preflight.Outcome::mirror, Preflight.Outcome::state));
        }
    }

    private static Checked check(Target t, List<MirrorDef> mirrors) {
        try (TargetConnections connections = new TargetConnections(new DemoOracles())) {
            Preflight.Report report = new Preflight(connections).run(t, mirrors);
            GrantScript.Script script = new GrantScript(EN).write(t, mirrors, GrantScript.packGrants(t.kind()),
                    new GrantScript.Options(Preflight.flavourOf(t, report), report.release(), false, "%"));
            return new Checked(report.withGrants(script::grantsOf), script);
        }
    }

    /** Runs the script's statements as the admin, leaving out the CREATE (the account exists, with the test's password). */
    private static void runScript(JdbcServer server, GrantScript.Script script) throws Exception {
        try (Connection admin = server.adminConnection(); Statement s = admin.createStatement()) {
            for (String line : script.text().lines().toList()) {
                if (!line.startsWith("--") && !line.isBlank() && !line.startsWith("CREATE ")) {
                    s.execute(line.replaceAll(";$", ""));
                }
            }
        }
    }

    @Test
    void onMariadbTheMissingPrivilegesAreNamedAndTheScriptsGrantsMakeEveryMirrorRead() throws Exception {
        try (TestDatabase named = RealServices.mariadb().createDatabase("mypre")) {
            String user = named.name() + "_mon";
            try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement()) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + named.password() + "'");
            }
            try {
                Target t = new Target(0, "maria", TargetKind.MYSQL, RealServices.mariadb().host(), RealServices.mariadb().port(),
                        ConnectBy.DATABASE, "", "", user, Secret.of(named.password()), List.of(), true);
                List<MirrorDef> mirrors = Packs.shipped(TargetKind.MYSQL).mirrorDefs();

                Checked before = check(t, mirrors);
                assertThat(before.report().connected()).isTrue();
                assertThat(before.report().allOk()).isFalse();
                assertThat(before.states()).containsEntry("global_status", Preflight.State.OK)
                        .containsEntry("innodb_metrics", Preflight.State.MISSING_PRIVILEGE)
                        .containsEntry("replica", Preflight.State.MISSING_PRIVILEGE).hasSize(mirrors.size());
                Preflight.Outcome innodb = before.report().missing().stream().filter(o -> o.mirror().equals("innodb_metrics")).findFirst().orElseThrow();
                assertThat(innodb.grants()).containsExactly("GRANT PROCESS ON *.* TO '" + user + "'@'%'");
                assertThat(EN.render(innodb.reason())).contains("innodb_metrics").doesNotContain("SQLException");
                // the server is a MariaDB from 10.5 on, read from it: its replica status needs SLAVE MONITOR, uncommented
                assertThat(before.script().text()).contains("GRANT SLAVE MONITOR ON *.* TO '" + user + "'@'%';")
                        .doesNotContain(named.password());

                runScript(RealServices.mariadb(), before.script());
                Checked after = check(t, mirrors);
                assertThat(after.report().allOk()).as(after.report().toString()).isTrue();
                assertThat(after.states().values()).containsOnly(Preflight.State.OK);
            } finally {
                try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement()) {
                    s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                }
            }
        }
    }

    @Test
    void onPostgresADatabaseTheRoleMayNotEnterIsSizedOnlyWithPgMonitorAsTheScriptGrants() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pgpre");
             TestDatabase closed = RealServices.postgres().createDatabase("pgprex")) {
            String role = db.name() + "_mon";
            try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + db.password() + "'");
                // a database the site keeps closed: only pg_monitor's pg_read_all_stats may size it
                s.execute("REVOKE CONNECT ON DATABASE " + closed.name() + " FROM PUBLIC");
            }
            try {
                Target t = new Target(0, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", role,
                        Secret.of(db.password()), List.of(), true);
                List<MirrorDef> mirrors = Packs.shipped(TargetKind.POSTGRES).mirrorDefs();

                Checked before = check(t, mirrors);
                assertThat(before.report().connected()).isTrue();
                assertThat(before.states()).containsEntry("database_size", Preflight.State.MISSING_PRIVILEGE)
                        .containsEntry("stat_database", Preflight.State.OK).hasSize(mirrors.size());
                assertThat(before.report().missing()).singleElement().satisfies(o -> {
                    assertThat(o.mirror()).isEqualTo("database_size");
                    assertThat(o.grants()).containsExactly("GRANT pg_monitor TO " + role);
                });
                assertThat(before.script().text()).contains("GRANT CONNECT ON DATABASE " + db.name() + " TO " + role + ";")
                        .contains("GRANT pg_monitor TO " + role + ";").doesNotContain(db.password());

                runScript(RealServices.postgres(), before.script());
                Checked after = check(t, mirrors);
                assertThat(after.report().allOk()).as(after.report().toString()).isTrue();
                assertThat(after.states().values()).containsOnly(Preflight.State.OK);
            } finally {
                try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                    s.execute("GRANT CONNECT ON DATABASE " + closed.name() + " TO PUBLIC");
                    s.execute("REVOKE CONNECT ON DATABASE " + db.name() + " FROM " + role);
                    s.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }
}
