package io.vigil.alert.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Notification channels run in the headless collector as well as in the console. */
@AnalyzeClasses(packages = "io.vigil.alert.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifyArchitectureTest {

    @ArchTest
    static final ArchRule channelsAreCore = noClasses()
            .that().resideInAPackage("io.vigil.alert.notify..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.vigil.ui..", "java.awt..")
            .because("vigil collect sends notifications without a display; the console only registers a sink");
}
