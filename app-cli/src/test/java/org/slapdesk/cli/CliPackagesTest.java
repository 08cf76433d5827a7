package org.slapdesk.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the CLI: no package cycles. It is one package today, so the cycle rule has
 * no slice to check until the CLI grows sub-packages; from then on it applies as in the other modules.
 */
class CliPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk.cli");
    }

    @Test
    void theImportSeesTheModule() {
        Assertions.assertThat(classes.contain("org.slapdesk.cli.SlapdeskCommand"))
                .isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.slapdesk.cli.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }
}
