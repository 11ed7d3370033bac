package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

import picocli.CommandLine;

/**
 * {@code vigil check} against the real MariaDB and PostgreSQL with a monitoring account that starts with nothing: what
 * fails is said, the GRANT statements it prints are run as a DBA would, and then every mirror and metric of the pack
 * works with exactly those.
 */
class CheckOnRealServersIT {

    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    @Test
    void onMariadbAUserWithOnlyThePrintedGrantsPassesEveryCheck() throws Exception {
        try (TestDatabase named = RealServices.mariadb().createDatabase("mychk")) {
            onMariadb(named.name() + "_mon", named.password());
        }
    }

    private void onMariadb(String user, String password) throws Exception {
        try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        }
        try {
            addTarget(new Target(0, "maria", TargetKind.MYSQL, RealServices.mariadb().host(), RealServices.mariadb().port(), ConnectBy.DATABASE,
                    "", "", user, Secret.of(password), List.of(), true));
            String first = check(1);
            assertThat(first).contains("maria (MySQL").contains("mirror replica:").contains("mirror innodb_metrics:")
                    .contains("To grant what is missing, run as a DBA:").doesNotContain("Exception");
            List<String> grants = printedGrants(first);
            assertThat(grants).contains("GRANT PROCESS ON *.* TO " + user, "GRANT REPLICATION CLIENT ON *.* TO " + user);

            try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement()) {
                for (String g : grants) {
                    s.execute(g);
                }
            }
            String second = check(0);
            assertThat(second).contains("mirrors: 6 ok, 0 failed").doesNotContain("To grant what is missing")
                    .endsWith("Everything works." + System.lineSeparator());

            try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("SHOW GRANTS FOR '" + user + "'@'%'")) {
                List<String> held = new ArrayList<>();
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
                assertThat(held).as("the account holds global monitoring privileges and nothing else").hasSize(1);
                // MariaDB shows REPLICATION CLIENT under its newer name, BINLOG MONITOR
                assertThat(held.getFirst()).startsWith("GRANT PROCESS, ").contains("SLAVE MONITOR ON *.*").doesNotContain("SELECT")
                        .doesNotContain("ALL PRIVILEGES");
            }
        } finally {
            try (Connection admin = RealServices.mariadb().adminConnection(); Statement s = admin.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void onPostgresAPlainLoginRolePassesEveryCheckWithoutAGrant() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pgchk")) {
            String role = db.name() + "_mon";
            String password = db.password();
            try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            }
            try {
                addTarget(new Target(0, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", role,
                        Secret.of(password), List.of(), true));
                String out = check(0);
                assertThat(out).contains("pg (PostgreSQL").contains("mirrors: 12 ok, 0 failed").doesNotContain("To grant what is missing")
                        .endsWith("Everything works." + System.lineSeparator());
                try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                             + "WHERE r.rolname = '" + role + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the role is a member of no role, pg_monitor included").isZero();
                }
            } finally {
                try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    private void addTarget(Target t) {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(store);
            store.saveTarget(t);
        }
    }

    private String check(int expectedExit) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CheckCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("--data-dir", home.toString());
        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    /** The GRANT lines as printed, each with its note in brackets (which versions, which alternative) left to the reader. */
    private static List<String> printedGrants(String out) {
        List<String> grants = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("GRANT ")) {
                grants.add(l.replaceAll("\\s*\\(.*\\)", "").replaceAll(";$", ""));
            }
        }
        return grants;
    }
}
