package org.slapdesk.master;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the local master: its packages (http, store, tls, ...) form no cycle. */
class LocalMasterPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk.master");
    }

    @Test
    void theImportSeesTheModule() {
        Assertions.assertThat(classes.contain("org.slapdesk.master.http.SlapApi"))
                .isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.slapdesk.master.(*)..").should().beFreeOfCycles().check(classes);
    }
}
