package bg.digiclub.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build's banned dependencies cannot see in {@code common}: that it holds contracts only
 * (the JDK and Jackson's annotations, nothing that runs I/O or UI), that its packages do not import
 * each other in a circle, and that it prints nothing.
 */
@AnalyzeClasses(packages = "bg.digiclub.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule contractsDependOnlyOnTheJdkAndJsonAnnotations = classes()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "bg.digiclub.common..", "com.fasterxml.jackson.annotation..")
            .because("common holds what crosses a process boundary, as records without logic (DESIGN.md)");

    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle = slices().matching("bg.digiclub.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingPrintsToTheConsole = noClasses().should(ACCESS_STANDARD_STREAMS)
            .because("contracts have no output of their own");
}
