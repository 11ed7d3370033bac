package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MirrorVariantTest {

    @Test
    void versionsCompareByMajorMinorAndPatchAndAreReadFromWhatServersSay() {
        assertThat(ServerVersion.parse("8.0.22")).isEqualTo(new ServerVersion(8, 0, 22));
        assertThat(ServerVersion.parse("12")).isEqualTo(new ServerVersion(12, 0, 0));
        assertThat(ServerVersion.parse("8.0.21").atLeast(ServerVersion.parse("8.0.22"))).isFalse();
        assertThat(ServerVersion.parse("10.5.1").atLeast(ServerVersion.parse("8.0.22"))).isTrue();
        assertThat(ServerVersion.fromProductVersion("5.5.5-10.11.19-MariaDB-0+deb12u1")).isEqualTo(new ServerVersion(10, 11, 19));
        assertThat(ServerVersion.fromProductVersion("8.4.3")).isEqualTo(new ServerVersion(8, 4, 3));
        assertThat(ServerVersion.fromProductVersion("no digits")).isEqualTo(ServerVersion.UNKNOWN);
        assertThatThrownBy(() -> ServerVersion.parse("8.x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstVariantWhoseRangeHoldsTheVersionIsReadAndTheMirrorsOwnSqlOtherwise() {
        // the shipped replica mirror's shape: old MariaDB, new MariaDB and MySQL from 8.0.22 each read their own statement
        MirrorDef replica = new MirrorDef(0, "replica", TargetKind.MYSQL, "SHOW SLAVE STATUS", "my_replica", 30, 10, MirrorMode.REPLACE, "",
                true, "", "", List.of(new MirrorVariant("10.5.1", "", "SHOW REPLICA STATUS", Map.of()),
                new MirrorVariant("10.0", "10.5.1", "SHOW SLAVE STATUS", Map.of()),
                new MirrorVariant("8.0.22", "", "SHOW REPLICA STATUS", Map.of("replica_io_running", "slave_io_running"))), List.of(), null);
        assertThat(replica.readFor(ServerVersion.parse("5.7.44")).sql()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(replica.readFor(ServerVersion.parse("8.0.21")).sql()).isEqualTo("SHOW SLAVE STATUS");
        MirrorVariant mysql84 = replica.readFor(ServerVersion.parse("8.4.0"));
        assertThat(mysql84.sql()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(mysql84.rename()).containsEntry("replica_io_running", "slave_io_running");
        assertThat(replica.readFor(ServerVersion.parse("10.4.34")).since()).isEqualTo("10.0");
        assertThat(replica.readFor(ServerVersion.parse("10.11.19")).since()).isEqualTo("10.5.1");
        assertThat(replica.readFor(ServerVersion.parse("10.11.19")).rename()).isEmpty();
    }

    @Test
    void aLicensedMirrorRunsOnlyWhereThePackIsLicensed() {
        MirrorDef ash = new MirrorDef(0, "ash", TargetKind.ORACLE, "SELECT * FROM v$active_session_history", "ora_ash", 60, 10,
                MirrorMode.REPLACE, "", true, "").withReads(List.of(), List.of(), LicensedPack.DIAGNOSTICS);
        assertThat(ash.allowedWith(Set.of())).isFalse();
        assertThat(ash.allowedWith(Set.of(LicensedPack.TUNING))).isFalse();
        assertThat(ash.allowedWith(Set.of(LicensedPack.DIAGNOSTICS))).isTrue();
        assertThat(ash.withReads(List.of(), List.of(), null).allowedWith(Set.of())).isTrue();
    }

    @Test
    void variantBoundsAndSqlAreValidatedLikeTheMirrorsOwn() {
        MirrorDef bad = new MirrorDef(0, "replica", TargetKind.MYSQL, "SHOW SLAVE STATUS", "my_replica", 30, 10, MirrorMode.REPLACE, "", true,
                "", "", List.of(new MirrorVariant("8.x", "", "SHOW REPLICA STATUS", Map.of()),
                new MirrorVariant("10.5", "10.0", "SELECT 1", Map.of()), new MirrorVariant("", "", "DELETE FROM t", Map.of())),
                List.of("ok_column", "not a column"), null);
        List<Problem> problems = Validation.mirror(bad, List.of());
        assertThat(problems).extracting(Problem::key)
                .contains("problem.variant.version", "problem.variant.range", "problem.variant.sql", "problem.sql.readOnly", "problem.column.invalid");
        assertThat(problems).filteredOn(p -> p.key().equals("problem.variant.sql")).extracting(p -> p.args().getFirst()).containsExactly(3);
    }
}
