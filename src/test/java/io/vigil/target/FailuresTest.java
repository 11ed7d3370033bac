package io.vigil.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * A failure whose kind the exception's type already tells (a refused connection, an unknown host) is worded by Vigil
 * alone in both languages, without the driver's boilerplate; where the server speaks (a MySQL error with its code, a
 * PostgreSQL ERROR), its own sentence is quoted, since DBAs search for it. Real drivers against loopback servers.
 */
class FailuresTest {

    static final List<String> DRIVER_WORDS = List.of("postmaster", "Communications link failure", "TCP/IP", "Exception",
            "java.", "com.mysql", "org.postgresql", "The driver has not received", "Check that the hostname");

    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static SQLException connect(String url) {
        Properties p = new Properties();
        p.setProperty("user", "vigil");
        p.setProperty("password", "pw");
        p.setProperty("connectTimeout", url.startsWith("jdbc:mysql") ? "3000" : "3");
        return catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, p).close());
    }

    void clean(String text) {
        assertThat(text).isNotBlank();
        for (String word : DRIVER_WORDS) {
            assertThat(text).doesNotContain(word);
        }
    }

    @Test
    void aRefusedConnectionIsToldInVigilsWordsForPostgresAndMysql() throws Exception {
        int port = closedPort();
        for (String url : List.of("jdbc:postgresql://127.0.0.1:" + port + "/x", "jdbc:mysql://127.0.0.1:" + port + "/x")) {
            TargetFailure f = Failures.classify(Failures.connecting(), "db 127.0.0.1:" + port, connect(url));
            assertThat(f.kind()).as(url).isEqualTo(FailureKind.UNREACHABLE);
            String english = en.render(f.reason());
            String chinese = zh.render(f.reason());
            clean(english);
            clean(chinese);
            clean(f.getMessage());
            assertThat(english).contains("127.0.0.1:" + port).contains("connection was refused");
            assertThat(chinese).contains("127.0.0.1:" + port).contains("连接被拒绝");
        }
    }

    @Test
    void anUnknownHostIsSaidToBeUnknown() {
        TargetFailure f = Failures.classify(Failures.connecting(), "db.invalid:5432", connect("jdbc:postgresql://db.invalid:5432/x"));
        assertThat(f.kind()).isEqualTo(FailureKind.UNREACHABLE);
        clean(en.render(f.reason()));
        clean(zh.render(f.reason()));
        assertThat(en.render(f.reason())).contains("host name is not known");
        assertThat(zh.render(f.reason())).contains("主机名");
    }

    @Test
    void theServersOwnWordsAreQuotedWhereTheServerSpeaks() throws Exception {
        try (TestDatabase pg = RealServices.postgres().createDatabase("fail");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
            TargetFailure f = Failures.classify(Failures.reading("top_sql"), "PostgreSQL 127.0.0.1", e);
            assertThat(f.kind()).isEqualTo(FailureKind.BAD_SQL);
            assertThat(en.render(f.reason())).contains("relation \"no_such_table\" does not exist");
            assertThat(zh.render(f.reason())).contains("relation \"no_such_table\" does not exist");
        }
        try (TestDatabase my = RealServices.mariadb().createDatabase("fail")) {
            Properties p = new Properties();
            p.setProperty("user", my.user());
            p.setProperty("password", "not-the-password");
            SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(my.jdbcUrl(), p).close());
            TargetFailure f = Failures.classify(Failures.connecting(), "MySQL 127.0.0.1", e);
            assertThat(f.kind()).isEqualTo(FailureKind.LOGIN_REFUSED);
            assertThat(en.render(f.reason())).contains("Access denied for user").doesNotContain("not-the-password");
            assertThat(zh.render(f.reason())).contains("Access denied for user").contains("用户名");
        }
    }
}
