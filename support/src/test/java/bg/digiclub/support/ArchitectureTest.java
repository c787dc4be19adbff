package bg.digiclub.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build's banned dependencies cannot see in {@code support}: that its primitives use the
 * JDK only (a library reached by reflection or a copied class would pass the enforcer), that each
 * package stands alone, and that it prints nothing — it is used by a service and a server.
 */
@AnalyzeClasses(packages = "bg.digiclub.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule primitivesDependOnlyOnTheJdk = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax..", "bg.digiclub.support..")
            .because("a program that uses support brings no library with it");

    @ArchTest
    static final ArchRule packagesDoNotDependOnEachOther = slices().matching("bg.digiclub.support.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each primitive is small and stands alone");

    @ArchTest
    static final ArchRule nothingPrintsToTheConsole =
            noClasses().should(ACCESS_STANDARD_STREAMS).because("errors go to the caller, which logs them its own way");
}
