package org.slapdesk.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/design.md ("Boundaries"), checked on every class of the application (app-gui's test
 * classpath holds all modules): JavaFX only in the GUI, no SSH or picocli in app-core, and
 * dependencies pointing one way (gui → cli → remote, master → core).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk");
    }

    @Test
    void theImportSeesEveryModule() {
        Assertions.assertThat(classes.contain("org.slapdesk.core.master.Master"))
                .isTrue();
        Assertions.assertThat(classes.contain("org.slapdesk.cli.SlapdeskCommand"))
                .isTrue();
        Assertions.assertThat(classes.contain("org.slapdesk.gui.SlapdeskApp")).isTrue();
        Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.slapdesk.remote")))
                .isTrue();
    }

    @Test
    void nothingOutsideTheGuiUsesJavaFx() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.slapdesk.gui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void appCoreUsesNeitherJavaFxNorSshNorPicocli() {
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "net.schmizz..", "com.hierynomus..", "picocli..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.slapdesk.gui..", "org.slapdesk.cli..", "org.slapdesk.remote..", "org.slapdesk.master..")
                .check(classes);
    }

    @Test
    void theNodeAndMasterModulesDoNotReachUpToTheCliOrGui() {
        noClasses()
                .that()
                .resideInAnyPackage("org.slapdesk.remote..", "org.slapdesk.master..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.slapdesk.gui..", "org.slapdesk.cli..")
                .check(classes);
    }

    @Test
    void theRemoteAndLocalMasterModulesAreIndependent() {
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.remote..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slapdesk.master..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.master..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slapdesk.remote..")
                .check(classes);
    }

    @Test
    void theCliDoesNotReachUpToTheGui() {
        noClasses()
                .that()
                .resideInAPackage("org.slapdesk.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slapdesk.gui..")
                .check(classes);
    }
}
