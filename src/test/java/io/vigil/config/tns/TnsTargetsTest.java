package io.vigil.config.tns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;

/** tnsnames entries as Oracle targets: connect by alias, names unique, what is already there left alone. */
class TnsTargetsTest {

    private final TnsNames site = TnsParserTest.site();

    private static Target stored(String name, ConnectBy by, String host, int port, String database, String tnsAdmin) {
        return new Target(7, name, TargetKind.ORACLE, host, port, by, database, tnsAdmin, "vigil", Secret.of("pw"), List.of(), true);
    }

    @Test
    void everyAliasBecomesAnOracleTargetConnectingByItsAliasWithTheFileFolderAsTnsAdmin() {
        List<TnsTargets.Planned> plan = TnsTargets.plan(site, List.of(), TnsTargets.Options.none());
        assertThat(plan).hasSize(site.entries().size()).allMatch(TnsTargets.Planned::isNew);
        Target hr = plan.stream().map(TnsTargets.Planned::target).filter(t -> t.name().equals("HR")).findFirst().orElseThrow();
        assertThat(hr).extracting(Target::kind, Target::connectBy, Target::database, Target::tnsAdmin, Target::host, Target::port)
                .containsExactly(TargetKind.ORACLE, ConnectBy.TNS_ALIAS, "HR", site.folder().toString(), "hr-a.example.com", 1522);
        // without a user they are switched off, and the store takes them so
        assertThat(hr.user()).isEmpty();
        assertThat(hr.enabled()).isFalse();
        assertThat(plan).allSatisfy(p -> assertThat(Validation.target(p.target(), List.of())).isEmpty());
    }

    @Test
    void aUserPasswordAndTagsAreGivenToAllAndSwitchThemOn() {
        TnsTargets.Options o = new TnsTargets.Options("dbsnmp", Secret.of("s3cret"), List.of("acme", "prod"), Set.of());
        assertThat(TnsTargets.plan(site, List.of(), o)).extracting(TnsTargets.Planned::target).allSatisfy(t -> {
            assertThat(t.user()).isEqualTo("dbsnmp");
            assertThat(t.password().reveal()).isEqualTo("s3cret");
            assertThat(t.tags()).containsExactly("acme", "prod");
            assertThat(t.enabled()).isTrue();
        });
    }

    @Test
    void onlyTheAskedAliasesWhateverTheirCaseAndTheUnknownOnesAreNamed() {
        TnsTargets.Options o = new TnsTargets.Options("", null, null, Set.of("hr_ro", "prod.example.com"));
        assertThat(TnsTargets.plan(site, List.of(), o)).extracting(p -> p.entry().alias()).containsExactly("PROD.EXAMPLE.COM", "HR_RO");
        // QUICK is defined but unreadable: its own problem says so, it is not "missing"
        assertThat(TnsTargets.unknown(site, List.of("HR", "nope", "QUICK"))).containsExactly("nope");
    }

    @Test
    void namesAreMadeUniqueAgainstStoredTargetsAndEachOther() {
        Target someHr = new Target(3, "hr", TargetKind.MYSQL, "h", 3306, ConnectBy.DATABASE, "x", "", "u", Secret.empty(), List.of(), true);
        Target hr2 = new Target(4, "HR-2", TargetKind.MYSQL, "h", 3306, ConnectBy.DATABASE, "x", "", "u", Secret.empty(), List.of(), true);
        List<TnsTargets.Planned> plan = TnsTargets.plan(site, List.of(someHr, hr2), TnsTargets.Options.none());
        assertThat(plan).filteredOn(p -> p.entry().alias().equals("HR")).singleElement()
                .satisfies(p -> assertThat(p.target().name()).isEqualTo("HR-3"));
        assertThat(TnsTargets.uniqueName("x".repeat(70), new HashSet<>(Set.of("x".repeat(64))))).hasSize(64).endsWith("-2");
    }

    @Test
    void anAliasAlreadyStoredInTheSameFolderOrTheSameServiceTypedByHandIsPresentNotNew() {
        Target byAlias = stored("payroll", ConnectBy.TNS_ALIAS, "", 0, "prod.example.com", site.folder().toString() + "/");
        Target bySid = stored("old one", ConnectBy.SID, "10.1.2.3", 1526, "leg8", "");
        Target elsewhere = stored("hr elsewhere", ConnectBy.TNS_ALIAS, "", 0, "HR", "/somewhere/else");
        Target otherPort = stored("dg test", ConnectBy.SERVICE_NAME, "dg-primary.example.com", 1599, "dg_rw", "");
        List<TnsTargets.Planned> plan = TnsTargets.plan(site, List.of(byAlias, bySid, elsewhere, otherPort), TnsTargets.Options.none());
        assertThat(plan).filteredOn(p -> !p.isNew()).extracting(p -> p.entry().alias(), p -> p.existing().orElseThrow().name())
                .containsExactly(tuple("PROD.EXAMPLE.COM", "payroll"), tuple("legacy", "old one"));
    }

    @Test
    void anAliasOverTcpsAsksForTlsWithTheCaFileGivenAndTheOthersDoNot() {
        TnsTargets.Options o = new TnsTargets.Options("dbsnmp", Secret.of("s3cret"), List.of(), Set.of(), "/etc/vigil/site-ca.pem");
        List<Target> planned = TnsTargets.plan(site, List.of(), o).stream().map(TnsTargets.Planned::target).toList();
        assertThat(planned).filteredOn(t -> t.name().equals("SECURE")).singleElement().extracting(Target::tls)
                .isEqualTo(io.vigil.config.Tls.of(io.vigil.config.TlsMode.VERIFY_CA, "/etc/vigil/site-ca.pem"));
        assertThat(planned).filteredOn(t -> t.name().equals("HR")).singleElement().extracting(Target::tls)
                .isEqualTo(io.vigil.config.Tls.off());
    }
}
