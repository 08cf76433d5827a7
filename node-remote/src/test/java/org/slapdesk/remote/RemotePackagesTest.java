package org.slapdesk.remote;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of node-remote: ssh, file and the actions form no cycle (actions use files and SSH, never the reverse). */
class RemotePackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk.remote");
    }

    @Test
    void theImportSeesTheModule() {
        Assertions.assertThat(classes.contain("org.slapdesk.remote.ssh.NodeConnection"))
                .isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.slapdesk.remote.(*)..").should().beFreeOfCycles().check(classes);
    }
}
