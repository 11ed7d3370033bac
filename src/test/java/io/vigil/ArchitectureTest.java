package io.vigil;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering that keeps the pipelines usable headless and the FX thread free of JDBC. */
@AnalyzeClasses(packages = "io.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Core (config, target, mirror, gather, ledger, series, schedule, cli) runs in a headless collector. */
    @ArchTest
    static final ArchRule coreNeverTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.vigil.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..", "io.fair_acc..", "atlantafx..")
            .because("only the console may use JavaFX; the collector and the CLI run without a display");

    /** The console reads stores through core services on background threads, never through JDBC itself. */
    @ArchTest
    static final ArchRule uiNeverUsesJdbc = noClasses()
            .that().resideInAPackage("io.vigil.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "redis.clients..", "com.influxdb..")
            .because("the FX thread must never wait on JDBC, HTTP or Redis; the UI goes through core services");

    @ArchTest
    static final ArchRule coreNeverDependsOnUi = noClasses()
            .that().resideInAnyPackage("io.vigil.config..", "io.vigil.target..", "io.vigil.mirror..", "io.vigil.gather..",
                    "io.vigil.ledger..", "io.vigil.series..", "io.vigil.schedule..", "io.vigil.i18n..", "io.vigil.alert..", "io.vigil.watch..",
                    "io.vigil.activity..", "io.vigil.cli..", "io.vigil.team..", "io.vigil.sitepack..", "io.vigil.tls..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.ui..")
            .because("core is used by the console and by the headless collector alike");

    /**
     * The packages docs/architecture.md lists without JDBC: the entry point, the words, the ledger (in-process or Redis),
     * what the console watches (all in memory), the team's shared state (Redis), the notification channels (HTTP and
     * SMTP) and TLS (certificates and sockets).
     */
    @ArchTest
    static final ArchRule packagesWithoutJdbcStaySo = noClasses()
            .that().resideInAPackage("io.vigil")
            .or().resideInAnyPackage("io.vigil.i18n..", "io.vigil.ledger..", "io.vigil.watch..", "io.vigil.team..", "io.vigil.alert.notify..",
                    "io.vigil.tls..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.h2..", "org.flywaydb..")
            .because("they read memory, Redis or HTTP; a query there would be one the architecture does not show");

    /** Every package, sub-packages included as packages of their own, stays out of dependency cycles. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.vigil.(**)")
            .should().beFreeOfCycles()
            .because("a package that needs a package that needs it back cannot be understood, tested or moved alone");

    /** Text in two languages is needed everywhere, so it needs nothing of Vigil's own. */
    @ArchTest
    static final ArchRule i18nStandsAlone = noClasses()
            .that().resideInAPackage("io.vigil.i18n..")
            .should().dependOnClassesThat(resideInAPackage("io.vigil..").and(not(resideInAPackage("io.vigil.i18n.."))))
            .because("every package words its text through Messages; a dependency back would make a cycle");
}
