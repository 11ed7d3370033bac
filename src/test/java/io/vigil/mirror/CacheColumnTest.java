package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheColumnTest {

    @TempDir
    Path folder;

    @Test
    void aShortDeclaredLengthIsNotTrustedAndAnHonestOneIsKept() {
        // SHOW SLAVE STATUS declares Slave_IO_Running as 3 characters and returns "Connecting"
        assertThat(new CacheColumn("Slave_IO_Running", "slave_io_running", CacheColumn.Kind.TEXT, 3, 1).ddl())
                .isEqualTo("`slave_io_running` VARCHAR(255)");
        assertThat(new CacheColumn("tablespace_name", "tablespace_name", CacheColumn.Kind.TEXT, 128, 1).ddl())
                .isEqualTo("`tablespace_name` VARCHAR(128)");
    }

    @Test
    void aValueLongerThanItsColumnIsCutWithAnEllipsisInsteadOfFailingTheSnapshot() throws Exception {
        CacheColumn col = new CacheColumn("Last_IO_Error", "last_io_error", CacheColumn.Kind.TEXT, 20, 1);
        CacheColumn second = new CacheColumn("Last_IO_Error", "last_io_error", CacheColumn.Kind.TEXT, 20, 2);
        try (CacheDb cache = CacheDb.embedded(folder); Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (" + col.ddl() + ")");
            try (ResultSet rs = s.executeQuery("SELECT REPEAT('e', 300) AS a, 'short' AS b UNION ALL SELECT NULL, NULL");
                 PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                while (rs.next()) {
                    col.transfer(rs, ps, 1, false, Mends.decoded());
                    ps.executeUpdate();
                    second.transfer(rs, ps, 1, false, Mends.decoded());
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT last_io_error FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(255).startsWith("eee").endsWith("e\u2026");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("short");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
            }
        }
    }
}
