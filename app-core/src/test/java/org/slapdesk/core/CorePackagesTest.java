package org.slapdesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of app-core: no package cycles, and the master client does not reach into the application's own store. */
class CorePackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk.core");
    }

    @Test
    void theImportSeesTheModule() {
        Assertions.assertThat(classes.contain("org.slapdesk.core.master.Master"))
                .isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.slapdesk.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theMasterClientDoesNotUseTheStore() {
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.core.master..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slapdesk.core.store..")
                .check(classes);
    }
}
