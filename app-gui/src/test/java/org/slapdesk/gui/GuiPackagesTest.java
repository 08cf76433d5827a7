package org.slapdesk.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the GUI: no package cycles (the shell assembles the pages, the pages do not
 * reach back into it), and ViewModels stay testable without a scene graph.
 */
class GuiPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.slapdesk.gui");
    }

    @Test
    void theImportSeesThePagesAndTheShell() {
        Assertions.assertThat(classes.contain("org.slapdesk.gui.shell.ShellView"))
                .isTrue();
        Assertions.assertThat(classes.contain("org.slapdesk.gui.servers.ServersViewModel"))
                .isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.slapdesk.gui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        noClasses()
                .that(belongToAClassNamedLike("ViewModel"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .check(classes);
    }

    /** The class itself or the top-level class it is nested in (lambdas and inner classes count too). */
    private static DescribedPredicate<JavaClass> belongToAClassNamedLike(String suffix) {
        return DescribedPredicate.describe("belong to a class named *" + suffix, javaClass -> {
            JavaClass outermost = javaClass;
            while (outermost.getEnclosingClass().isPresent()) {
                outermost = outermost.getEnclosingClass().get();
            }
            return outermost.getSimpleName().endsWith(suffix);
        });
    }
}
