package io.vigil.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

class TargetUrlsTest {

    static Target t(TargetKind kind, ConnectBy by, String host, int port, String db) {
        return new Target(1, "t", kind, host, port, by, db, "/opt/tns", "vigil", Secret.of("tiger"), List.of(), true);
    }

    @Test
    void oracleServiceAndSidUseADescriptorWithTimeoutsAndNoPasswordInTheUrl() {
        JdbcSpec svc = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.SERVICE_NAME, "db1", 1521, "ORCLPDB1"));
        assertThat(svc.url()).isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(CONNECT_TIMEOUT=5)(TRANSPORT_CONNECT_TIMEOUT=5)(RETRY_COUNT=0)"
                + "(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCLPDB1)))");
        assertThat(svc.props()).containsEntry("oracle.jdbc.ReadTimeout", "120000").containsEntry("v$session.program", "Vigil")
                .containsEntry("password", "tiger");
        assertThat(svc.address()).isEqualTo("Oracle db1:1521/ORCLPDB1");
        JdbcSpec sid = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.SID, "db1", 1521, "PROD11"));
        assertThat(sid.url()).contains("(CONNECT_DATA=(SID=PROD11))");
        assertThat(sid.address()).isEqualTo("Oracle db1:1521:PROD11");
        assertThat(svc.toString()).doesNotContain("tiger");
    }

    @Test
    void aTnsAliasReadsTnsnamesFromTheTargetsFolder() {
        JdbcSpec alias = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.TNS_ALIAS, "", 0, "PRODDB"));
        assertThat(alias.url()).isEqualTo("jdbc:oracle:thin:@PRODDB");
        assertThat(alias.props()).containsEntry("oracle.net.tns_admin", "/opt/tns");
    }

    @Test
    void mysqlAndPostgresNameVigilAndBoundEveryStep() {
        JdbcSpec my = TargetUrls.spec(t(TargetKind.MYSQL, ConnectBy.DATABASE, "10.0.0.5", 3306, ""));
        assertThat(my.url()).isEqualTo("jdbc:mysql://10.0.0.5:3306/");
        assertThat(my.props()).containsEntry("connectTimeout", "5000").containsEntry("socketTimeout", "120000")
                .containsEntry("connectionAttributes", "program_name:Vigil");
        JdbcSpec pg = TargetUrls.spec(t(TargetKind.POSTGRES, ConnectBy.DATABASE, "::1", 5432, "app"));
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://[::1]:5432/app");
        assertThat(pg.props()).containsEntry("ApplicationName", "Vigil").containsEntry("connectTimeout", "5");
    }
}
