package bg.digiclub.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import bg.digiclub.common.batch.StrictJson;

/**
 * What the build's banned dependencies cannot see in {@code common}: that it holds contracts only
 * (the JDK and Jackson's annotations, nothing that runs I/O or UI), that its packages do not import
 * each other in a circle, and that it prints nothing.
 */
@AnalyzeClasses(packages = "bg.digiclub.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Package-private beside {@link StrictJson}: named, not imported. */
    private static final String INSTANT_TEXT = "bg.digiclub.common.batch.InstantText";

    @ArchTest
    static final ArchRule contractsDependOnlyOnTheJdkAndJsonAnnotations = classes()
            .that()
            .doNotHaveFullyQualifiedName(StrictJson.class.getName())
            .and()
            .doNotHaveFullyQualifiedName(INSTANT_TEXT)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "bg.digiclub.common..", "com.fasterxml.jackson.annotation..")
            .because("common holds what crosses a process boundary, as records without logic (docs/design.md)");

    @ArchTest
    static final ArchRule onlyTheContractsMapperUsesJackson = classes()
            .that()
            .haveFullyQualifiedName(StrictJson.class.getName())
            .or()
            .haveFullyQualifiedName(INSTANT_TEXT)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "bg.digiclub.common..", "com.fasterxml.jackson..")
            .because("the upload contract's one mapper is written once, for the agent and the collector alike");

    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle =
            slices().matching("bg.digiclub.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingPrintsToTheConsole =
            noClasses().should(ACCESS_STANDARD_STREAMS).because("contracts have no output of their own");
}
