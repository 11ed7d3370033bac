package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.TargetKind;
import io.vigil.mirror.CacheDb;

class PickTest {

    @TempDir
    Path folder;
    CacheDb cache;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        cache = CacheDb.embedded(folder);
        c = cache.dataSource().getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ora_tbs (target_id BIGINT, tablespace_name VARCHAR(30), used_pct DECIMAL(38,8), note VARCHAR(20))");
            s.execute("INSERT INTO ora_tbs VALUES (1, 'USERS', 42.5, 'x'), (1, 'SYSTEM', 81.25, 'y'), (2, 'USERS', 99, 'z')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        cache.close();
    }

    static MetricDef metric(String sql, String... labels) {
        return new MetricDef(1, "oracle.tablespace.used_pct", TargetKind.ORACLE, sql, List.of("tablespaces"), 600, MetricType.GAUGE,
                "%", List.of(labels), 60, null, null, "", true, "");
    }

    @Test
    void labelColumnsBecomeLabelsAndTheTargetIsBoundToEveryParameter() {
        List<PickedValue> v = Pick.run(c, metric("SELECT tablespace_name, used_pct AS value FROM ora_tbs WHERE target_id = ? "
                + "AND target_id IN (SELECT target_id FROM ora_tbs WHERE target_id = ?) ORDER BY tablespace_name", "tablespace_name"), 1);
        assertThat(v).extracting(p -> p.labels().get("tablespace_name"), PickedValue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SYSTEM", 81.25), org.assertj.core.groups.Tuple.tuple("USERS", 42.5));
    }

    @Test
    void withoutAValueColumnTheLastColumnIsTheValue() {
        assertThat(Pick.run(c, metric("SELECT MAX(used_pct) FROM ora_tbs WHERE target_id = ?"), 2)).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo(99));
    }

    @Test
    void textInsteadOfANumberIsSaidPlainly() {
        assertThatThrownBy(() -> Pick.run(c, metric("SELECT note AS value FROM ora_tbs WHERE target_id = ?"), 1))
                .isInstanceOf(PickFailure.class).hasMessage("oracle.tablespace.used_pct: column value holds “x”, which is not a number");
        PickFailure noValue = org.assertj.core.api.Assertions.catchThrowableOfType(PickFailure.class,
                () -> Pick.run(c, metric("SELECT used_pct, note FROM ora_tbs WHERE target_id = ?"), 1));
        assertThat(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH).render(noValue.reason())).isEqualTo("oracle.tablespace.used_pct: "
                + "no column is named value, so the last one, note, was taken, and it holds \u201cx\u201d, which is not a number: "
                + "name the figure\u2019s column value (\u2026 AS value).");
        assertThat(new io.vigil.i18n.Messages(java.util.Locale.SIMPLIFIED_CHINESE).render(noValue.reason()))
                .startsWith("oracle.tablespace.used_pct\uff1a").contains("note").contains("AS value");
    }

    @Test
    void badSqlAndMissingLabelsAreSaidPlainly() {
        assertThatThrownBy(() -> Pick.run(c, metric("SELECT nope FROM ora_tbs WHERE target_id = ?"), 1))
                .isInstanceOf(PickFailure.class).hasMessageStartingWith("oracle.tablespace.used_pct: its SQL failed on the cache:");
        assertThatThrownBy(() -> Pick.run(c, metric("SELECT used_pct FROM ora_tbs WHERE target_id = ?", "tablespace_name"), 1))
                .isInstanceOf(PickFailure.class).hasMessageContaining("label columns [tablespace_name]");
    }

    @Test
    void noRowsIsAnEmptyPick() {
        assertThat(Pick.run(c, metric("SELECT used_pct FROM ora_tbs WHERE target_id = ?"), 7)).isEmpty();
    }

    @Test
    void theConnectionIsHandedBackWritableForTheNextUser() throws SQLException {
        Pick.run(c, metric("SELECT used_pct FROM ora_tbs WHERE target_id = ?"), 1);
        assertThat(c.isReadOnly()).isFalse();
        assertThatThrownBy(() -> Pick.run(c, metric("SELECT broken FROM ora_tbs WHERE target_id = ?"), 1)).isInstanceOf(PickFailure.class);
        assertThat(c.isReadOnly()).as("also after a failure").isFalse();
    }
}
