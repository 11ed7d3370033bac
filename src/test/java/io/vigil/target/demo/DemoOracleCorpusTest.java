package io.vigil.target.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.testsupport.SettableClock;

/**
 * Monitoring SQL written as DBAs write it for Oracle ({@code dba-monitoring-corpus.sql}: sessions, limits, space,
 * waits, top SQL, sysmetric, ASH, Data Guard, password expiry, (+) joins, DECODE/NVL2, GV$, SYS_CONTEXT) runs unchanged
 * on a demo Oracle, read the way the pack reads it (a read-only pool on the demo's JDBC URL), and gives plausible rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOracleCorpusTest {

    /** One query of the corpus and what it must give. */
    record Query(String name, String sql, int minRows, int maxRows, List<String[]> ranges, List<String[]> equals, List<String> changes) {
        @Override
        public String toString() {
            return name;
        }
    }

    // the workload's clock starts at the real now: the corpus compares with SYSDATE, as DBAs' queries do
    final SettableClock clock = new SettableClock(Instant.now());
    DemoOracle demo;
    HikariDataSource pool;

    @BeforeAll
    void start() throws SQLException {
        demo = DemoOracle.create("DEMO", clock, 7);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(demo.jdbcUrl());
        cfg.setUsername("vigil");
        cfg.setPassword("");
        cfg.setMaximumPoolSize(2);
        cfg.setReadOnly(true);
        pool = new HikariDataSource(cfg);
        advance(Duration.ofSeconds(90)); // a minute and a half of work: both metric groups have closed since the start
    }

    @AfterAll
    void stop() {
        pool.close();
        demo.close();
    }

    void advance(Duration d) throws SQLException {
        for (long s = 0; s < d.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            demo.tick();
        }
    }

    @Test
    void theCorpusCoversWhatDbasAsk() throws IOException {
        List<Query> corpus = corpus().toList();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(25);
        String all = String.join("\n", corpus.stream().map(Query::sql).toList()).toUpperCase(Locale.ROOT);
        assertThat(all).contains("(+)", "ROWNUM", "DECODE(", "NVL2(", "GV$", "SYS_CONTEXT(", "V$DATAGUARD_STATS", "V$SYSMETRIC",
                "V$ACTIVE_SESSION_HISTORY", "V$RESOURCE_LIMIT", "DBA_FREE_SPACE", "EXPIRY_DATE - SYSDATE", "SYSDATE - 1/24", "GROUP BY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runsAsOnOracleWithPlausibleRows(Query q) throws SQLException {
        LabelledRows rows = read(q);
        assertThat(rows.size()).as("rows of %s", q.name()).isBetween(q.minRows(), q.maxRows());
        for (String[] range : q.ranges()) {
            for (Object v : column(q, rows, range[0])) {
                if (v != null) {
                    assertThat(((Number) v).doubleValue()).as("%s of %s", range[0], q.name())
                            .isBetween(Double.parseDouble(range[1]), Double.parseDouble(range[2]));
                }
            }
        }
        for (String[] equal : q.equals()) {
            assertThat(column(q, rows, equal[0])).as("%s of %s", equal[0], q.name()).isNotEmpty().allMatch(v -> equal[1].equals(String.valueOf(v)));
        }
        for (String changing : q.changes()) {
            List<Object> before = column(q, rows, changing);
            advance(Duration.ofSeconds(20));
            List<Object> after = column(q, read(q), changing);
            assertThat(after).as("%s of %s 20 s later", changing, q.name()).hasSameSizeAs(before).isNotEqualTo(before);
        }
    }

    private LabelledRows read(Query q) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q.sql())) {
            ResultSetMetaData md = rs.getMetaData();
            List<Object> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i).toUpperCase(Locale.ROOT));
            }
            rows.add(labels);
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return new LabelledRows(rows);
    }

    private static List<Object> column(Query q, LabelledRows rows, String label) {
        int i = rows.labels.indexOf(label.toUpperCase(Locale.ROOT));
        assertThat(i).as("column %s in %s", label, q.name()).isNotNegative();
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /** The data rows, with the labels of their columns (the first row read). */
    private static final class LabelledRows extends java.util.AbstractList<List<Object>> {
        final List<Object> labels;
        final List<List<Object>> data;

        LabelledRows(List<List<Object>> all) {
            this.labels = all.get(0);
            this.data = all.subList(1, all.size());
        }

        @Override
        public List<Object> get(int index) {
            return data.get(index);
        }

        @Override
        public int size() {
            return data.size();
        }
    }

    static Stream<Query> corpus() throws IOException {
        String text;
        try (InputStream in = DemoOracleCorpusTest.class.getResourceAsStream("dba-monitoring-corpus.sql")) {
            assertThat(in).as("the corpus").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Query> queries = new ArrayList<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        int min = 0;
        int max = Integer.MAX_VALUE;
        List<String[]> ranges = new ArrayList<>();
        List<String[]> equals = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("-- name:")) {
                name = t.substring("-- name:".length()).strip();
                sql.setLength(0);
                min = 0;
                max = Integer.MAX_VALUE;
                ranges = new ArrayList<>();
                equals = new ArrayList<>();
                changes = new ArrayList<>();
            } else if (name == null) {
                continue; // the file's header
            } else if (t.startsWith("-- rows:")) {
                String[] r = t.substring("-- rows:".length()).strip().split("\\.\\.", -1);
                min = Integer.parseInt(r[0]);
                max = r.length > 1 && !r[1].isBlank() ? Integer.parseInt(r[1]) : Integer.MAX_VALUE;
            } else if (t.startsWith("-- range:")) {
                ranges.add(t.substring("-- range:".length()).strip().split("\\s+"));
            } else if (t.startsWith("-- equals:")) {
                equals.add(t.substring("-- equals:".length()).strip().split("\\s+", 2));
            } else if (t.startsWith("-- changes:")) {
                changes.add(t.substring("-- changes:".length()).strip());
            } else if (!t.startsWith("--")) {
                sql.append(line).append('\n');
                if (t.endsWith(";")) {
                    String statement = sql.toString().strip();
                    queries.add(new Query(name, statement.substring(0, statement.length() - 1), min, max, ranges, equals, changes));
                    name = null;
                }
            }
        }
        return queries.stream();
    }
}
