package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;

class GrantScriptTest {

    private static final Messages EN = new Messages(Locale.ENGLISH);
    private static final String SECRET = "s3cret-Pw";

    private static Target target(TargetKind kind, String user, String database) {
        return new Target(1, "prod", kind, "db1", kind.defaultPort(), ConnectBy.SERVICE_NAME, database, "", user, Secret.of(SECRET),
                List.of(), true);
    }

    /** The pack's mirrors as a new store holds them, plus one an admin wrote. */
    private static List<MirrorDef> mirrors(TargetKind kind) {
        List<MirrorDef> all = new ArrayList<>(Packs.shipped(kind).mirrorDefs());
        all.add(new MirrorDef(0, "my_own", kind, "SELECT 1 FROM somewhere", "my_own", 60, 10, MirrorMode.REPLACE, "", true, ""));
        all.add(new MirrorDef(0, "switched_off", kind, "SELECT 1 FROM elsewhere", "off", 60, 10, MirrorMode.REPLACE, "", false, ""));
        return all;
    }

    private static GrantScript.Script write(Target t, GrantScript.Options o) {
        return new GrantScript(EN).write(t, mirrors(t.kind()), GrantScript.packGrants(t.kind()), o);
    }

    private static List<String> statements(String script) {
        return script.lines().filter(l -> !l.startsWith("--") && !l.isBlank()).map(l -> l.replaceAll(";$", "")).toList();
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    @Test
    void oracle11HasPerObjectGrantsOnceEachAndNoMultitenantSyntax() {
        GrantScript.Script s = write(target(TargetKind.ORACLE, "vigil", "ORCL"), new GrantScript.Options(GrantFlavour.ORACLE11));
        List<String> st = statements(s.text());
        assertThat(st.getFirst()).isEqualTo("CREATE USER vigil IDENTIFIED BY \"<choose a password>\"");
        assertThat(st).contains("GRANT CREATE SESSION TO vigil");
        assertThat(s.text()).doesNotContain("C##").doesNotContain("CONTAINER=ALL").doesNotContain(SECRET)
                .doesNotContain("v_$diag_alert_ext").doesNotContain("cdb_tablespaces");
        assertThat(statements(s.text())).noneMatch(l -> l.contains("CONTAINER_DATA"));
        // every grant of every mirror 11g runs, exactly once
        Pack pack = Packs.shipped(TargetKind.ORACLE);
        for (Pack.PackMirror m : pack.mirrors()) {
            if (m.since() != null || m.licence() != null) {
                continue;
            }
            for (String g : m.grants()) {
                assertThat(count(st, g.replace("{user}", "vigil"))).as(g).isEqualTo(1);
            }
        }
        assertThat(count(st, "GRANT SELECT ON sys.v_$session TO vigil")).isEqualTo(1);
        assertThat(s.text()).contains("-- needed by: session, temp_usage, activity_sample")
                .contains("left out: mirror alert_log needs release 12.2 or later; this script is for 11.2.")
                .contains("left out: mirror ash reads views of the Diagnostics Pack")
                .contains("mirror my_own was written here, not shipped in a pack")
                .doesNotContain("switched_off");
        List<String> grants = st.stream().filter(l -> l.startsWith("GRANT SELECT")).toList();
        assertThat(grants).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotHaveDuplicates();
    }

    @Test
    void oracle12AddsThe12cViewsButNoContainerSyntax() {
        GrantScript.Script s = write(target(TargetKind.ORACLE, "vigil", "ORCL"), new GrantScript.Options(GrantFlavour.ORACLE12));
        List<String> st = statements(s.text());
        assertThat(st).contains("GRANT SELECT ON sys.v_$diag_alert_ext TO vigil", "GRANT SELECT ON sys.cdb_tablespaces TO vigil",
                "GRANT SELECT ON sys.v_$containers TO vigil");
        assertThat(st).noneMatch(l -> l.contains("CONTAINER"));
        assertThat(s.text()).contains("not a container database: pdb_tablespace_usage, container_sessions read this database alone");
        assertThat(s.grantsOf("alert_log")).containsExactly("GRANT SELECT ON sys.v_$diag_alert_ext TO vigil");
    }

    @Test
    void aContainerDatabaseGetsACommonUserSeeingEveryContainer() {
        GrantScript.Script s = write(target(TargetKind.ORACLE, "vigil", "CDB1"), new GrantScript.Options(GrantFlavour.ORACLE_CDB));
        List<String> st = statements(s.text());
        assertThat(s.account()).isEqualTo("C##VIGIL");
        assertThat(s.warnings()).singleElement().asString().contains("no C## prefix").contains("C##VIGIL");
        assertThat(s.text()).contains("-- WARNING: the target user vigil has no C## prefix");
        assertThat(st.getFirst()).isEqualTo("CREATE USER C##VIGIL IDENTIFIED BY \"<choose a password>\" CONTAINER=ALL");
        assertThat(count(st, "GRANT CREATE SESSION TO C##VIGIL CONTAINER=ALL")).isEqualTo(1);
        assertThat(count(st, "ALTER USER C##VIGIL SET CONTAINER_DATA=ALL CONTAINER=CURRENT")).isEqualTo(1);
        List<String> grants = st.stream().filter(l -> l.startsWith("GRANT ")).toList();
        assertThat(grants).hasSizeGreaterThan(30).allMatch(l -> l.endsWith(" TO C##VIGIL CONTAINER=ALL"));
        assertThat(count(st, "GRANT SELECT ON sys.v_$containers TO C##VIGIL CONTAINER=ALL")).isEqualTo(1);
        assertThat(st).noneMatch(l -> l.contains(" vigil"));
        assertThat(s.text()).doesNotContain(SECRET);
        assertThat(s.grantsOf("container_sessions")).contains("ALTER USER C##VIGIL SET CONTAINER_DATA=ALL CONTAINER=CURRENT");

        GrantScript.Script named = write(target(TargetKind.ORACLE, "c##mon", "CDB1"), new GrantScript.Options(GrantFlavour.ORACLE_CDB));
        assertThat(named.warnings()).isEmpty();
        assertThat(named.text()).contains("CREATE USER C##MON ").doesNotContain("WARNING");
    }

    @Test
    void theOneRoleVariantGrantsSelectCatalogRoleInsteadOfEachObject() {
        GrantScript.Options roles = new GrantScript.Options(GrantFlavour.ORACLE12, ServerVersion.UNKNOWN, true, "%");
        List<String> st = statements(write(target(TargetKind.ORACLE, "vigil", "ORCL"), roles).text());
        assertThat(st).containsExactly("CREATE USER vigil IDENTIFIED BY \"<choose a password>\"", "GRANT CREATE SESSION TO vigil",
                "GRANT SELECT_CATALOG_ROLE TO vigil");

        GrantScript.Options cdbRoles = new GrantScript.Options(GrantFlavour.ORACLE_CDB, ServerVersion.UNKNOWN, true, "%");
        List<String> cdb = statements(write(target(TargetKind.ORACLE, "C##VIGIL", "CDB1"), cdbRoles).text());
        assertThat(cdb).contains("GRANT SELECT_CATALOG_ROLE TO C##VIGIL CONTAINER=ALL",
                "ALTER USER C##VIGIL SET CONTAINER_DATA=ALL CONTAINER=CURRENT").noneMatch(l -> l.startsWith("GRANT SELECT ON"));
    }

    @Test
    void aLicensedDiagnosticsPackBringsItsViewsIn() {
        Target t = target(TargetKind.ORACLE, "vigil", "ORCL").withLicensed(Set.of(LicensedPack.DIAGNOSTICS));
        GrantScript.Script s = write(t, new GrantScript.Options(GrantFlavour.ORACLE12));
        assertThat(statements(s.text())).contains("GRANT SELECT ON sys.v_$active_session_history TO vigil");
        assertThat(s.text()).doesNotContain("left out: mirror ash");
    }

    @Test
    void mysqlGetsProcessAndReplicationClientAndSlaveMonitorOnlyWhereMariaDbNeedsIt() {
        Target t = target(TargetKind.MYSQL, "mon", "");
        GrantScript.Script unknown = write(t, new GrantScript.Options(GrantFlavour.MYSQL));
        List<String> st = statements(unknown.text());
        assertThat(st.getFirst()).isEqualTo("CREATE USER 'mon'@'%' IDENTIFIED BY '<choose a password>'");
        assertThat(count(st, "GRANT PROCESS ON *.* TO 'mon'@'%'")).isEqualTo(1);
        assertThat(count(st, "GRANT REPLICATION CLIENT ON *.* TO 'mon'@'%'")).isEqualTo(1);
        assertThat(st).noneMatch(l -> l.contains("SLAVE MONITOR")).noneMatch(l -> l.contains("("));
        assertThat(unknown.text()).contains("-- GRANT SLAVE MONITOR ON *.* TO 'mon'@'%';")
                .contains("only where this holds: MariaDB 10.5 and later")
                .contains("need nothing beyond logging in: global_status, global_variables").doesNotContain(SECRET);

        GrantScript.Options maria = new GrantScript.Options(GrantFlavour.MYSQL, ServerVersion.parse("10.11.6"), false, "10.0.0.%");
        List<String> onMaria = statements(write(t, maria).text());
        assertThat(onMaria).contains("GRANT SLAVE MONITOR ON *.* TO 'mon'@'10.0.0.%'", "GRANT PROCESS ON *.* TO 'mon'@'10.0.0.%'");

        GrantScript.Options mysql8 = new GrantScript.Options(GrantFlavour.MYSQL, ServerVersion.parse("8.0.36"), false, "%");
        assertThat(write(t, mysql8).text()).doesNotContain("SLAVE MONITOR");
    }

    @Test
    void postgresGetsPgMonitorOnceAndConnectOnItsDatabase() {
        Target t = target(TargetKind.POSTGRES, "mon", "appdb");
        GrantScript.Script s = write(t, new GrantScript.Options(GrantFlavour.POSTGRES));
        List<String> st = statements(s.text());
        assertThat(st).containsExactly("CREATE ROLE mon LOGIN PASSWORD '<choose a password>'", "GRANT CONNECT ON DATABASE appdb TO mon",
                "GRANT pg_monitor TO mon");
        assertThat(s.text()).contains("-- needed by: instance, stat_database").doesNotContain(SECRET);
        assertThat(s.grantsOf("activity")).containsExactly("GRANT pg_monitor TO mon");

        GrantScript.Script old = write(t, new GrantScript.Options(GrantFlavour.POSTGRES96));
        assertThat(statements(old.text())).containsExactly("CREATE ROLE mon LOGIN PASSWORD '<choose a password>'",
                "GRANT CONNECT ON DATABASE appdb TO mon");
        assertThat(old.text()).contains("PostgreSQL 9.6 has no pg_monitor role").contains("-- ALTER ROLE mon SUPERUSER;");
    }

    @Test
    void commentsSpeakTheReadersLanguageWhileTheSqlStaysSql() {
        Target t = target(TargetKind.POSTGRES, "mon", "appdb");
        String zh = new GrantScript(new Messages(Locale.SIMPLIFIED_CHINESE)).write(t, mirrors(TargetKind.POSTGRES),
                GrantScript.packGrants(TargetKind.POSTGRES), new GrantScript.Options(GrantFlavour.POSTGRES)).text();
        String en = write(t, new GrantScript.Options(GrantFlavour.POSTGRES)).text();
        assertThat(zh).contains("-- 需要它的镜像：instance").contains("从不执行").doesNotContain("needed by");
        assertThat(statements(zh)).isEqualTo(statements(en));
    }

    @Test
    void flavoursAreNamedAndGuessedFromTheServer() {
        assertThat(GrantFlavour.ofOption("oracle-cdb")).contains(GrantFlavour.ORACLE_CDB);
        assertThat(GrantFlavour.ofOption("db2")).isEmpty();
        assertThat(GrantFlavour.of(TargetKind.ORACLE, new ServerVersion(11, 2, 0), false)).isEqualTo(GrantFlavour.ORACLE11);
        assertThat(GrantFlavour.of(TargetKind.ORACLE, new ServerVersion(19, 0, 0), true)).isEqualTo(GrantFlavour.ORACLE_CDB);
        assertThat(GrantFlavour.of(TargetKind.POSTGRES, new ServerVersion(9, 6, 0), false)).isEqualTo(GrantFlavour.POSTGRES96);
        assertThat(GrantFlavour.guess(TargetKind.MYSQL)).isEqualTo(GrantFlavour.MYSQL);
        assertThat(Map.of("k", GrantFlavour.guess(TargetKind.DEMO_ORACLE))).containsValue(GrantFlavour.ORACLE12);
    }
}
