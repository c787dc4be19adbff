package bg.digiclub.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build's banned dependencies cannot see in the agent: its packages do not import each
 * other in a circle (a package can be read, changed and tested from its dependencies up), and only
 * the command line ({@code agent.cli}) writes to the console; the service logs.
 */
@AnalyzeClasses(packages = "bg.digiclub.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle =
            slices().matching("bg.digiclub.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToTheConsole = noClasses()
            .that()
            .resideOutsideOfPackage("bg.digiclub.agent.cli")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the service logs through slf4j; only a command's own output goes to the console (STYLE.md)");
}
