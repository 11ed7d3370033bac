package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.GrantFlavour;
import io.vigil.config.LicensedPack;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** The pre-flight on the demo Oracle, which plays the release and kind of database its database field names. */
class PreflightTest {

    private static Target demo(long id, String plays) {
        return new Target(id, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, plays, "", "vigil", Secret.empty(), List.of(), true);
    }

    private static List<MirrorDef> mirrors() {
        List<MirrorDef> all = new ArrayList<>(Packs.shipped(TargetKind.ORACLE).mirrorDefs());
        all.add(new MirrorDef(0, "typo", TargetKind.ORACLE, "SELECT nothing FROM v$no_such_view", "typo", 60, 10, MirrorMode.REPLACE, "", true, ""));
        all.add(new MirrorDef(0, "off", TargetKind.ORACLE, "SELECT 1 FROM dual", "off", 60, 10, MirrorMode.REPLACE, "", false, ""));
        all.add(new MirrorDef(0, "mine", TargetKind.MYSQL, "SELECT 1", "mine", 60, 10, MirrorMode.REPLACE, "", true, ""));
        return all;
    }

    @Test
    void onAnEleventhReleaseEveryMirrorReadsButThoseItHasNotAndAWrongReadIsAnotherError() {
        try (TargetConnections connections = new TargetConnections(new DemoOracles())) {
            Target t = demo(41, "11.2");
            Preflight.Report r = new Preflight(connections).run(t, mirrors());
            assertThat(r.connected()).isTrue();
            assertThat(r.release().major()).isEqualTo(11);
            assertThat(Preflight.flavourOf(t, r)).isEqualTo(GrantFlavour.ORACLE11);
            assertThat(r.outcomes()).extracting(Preflight.Outcome::mirror).doesNotContain("off", "mine").contains("typo", "session");
            assertThat(r.outcomes()).filteredOn(o -> o.mirror().equals("alert_log")).singleElement()
                    .extracting(Preflight.Outcome::state).isEqualTo(Preflight.State.NOT_AVAILABLE);
            assertThat(r.outcomes()).filteredOn(o -> o.mirror().equals("ash")).singleElement()
                    .extracting(Preflight.Outcome::state).isEqualTo(Preflight.State.NOT_AVAILABLE);
            Preflight.Outcome typo = r.outcomes().stream().filter(o -> o.mirror().equals("typo")).findFirst().orElseThrow();
            assertThat(typo.state()).isEqualTo(Preflight.State.OTHER_ERROR);
            assertThat(new Messages(Locale.ENGLISH).render(typo.reason())).contains("typo").doesNotContain("Exception");
            assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).render(typo.reason())).contains("读取 typo").contains("SQL 被拒绝");
            assertThat(r.outcomes()).filteredOn(o -> !Set.of("typo", "ash").contains(o.mirror()) && o.state() != Preflight.State.NOT_AVAILABLE)
                    .hasSizeGreaterThan(25).allMatch(o -> o.state() == Preflight.State.OK);
            assertThat(r.allOk()).isFalse();
        }
    }

    @Test
    void aContainerDatabaseIsToldApartAndALicensedPackIsTried() {
        try (TargetConnections connections = new TargetConnections(new DemoOracles())) {
            Target t = demo(42, "19 CDB").withLicensed(Set.of(LicensedPack.DIAGNOSTICS));
            Preflight.Report r = new Preflight(connections).run(t, Packs.shipped(TargetKind.ORACLE).mirrorDefs());
            assertThat(r.cdb()).isTrue();
            assertThat(Preflight.flavourOf(t, r)).isEqualTo(GrantFlavour.ORACLE_CDB);
            assertThat(r.outcomes()).allMatch(o -> o.state() == Preflight.State.OK);
            assertThat(r.allOk()).isTrue();
        }
    }
}
