package bg.digiclub.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build cannot see in the collector: its packages do not import each other in a circle,
 * and only the command line ({@code collector.cli}) writes to the console; the server logs.
 */
@AnalyzeClasses(packages = "bg.digiclub.collector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle =
            slices().matching("bg.digiclub.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToTheConsole = noClasses()
            .that()
            .resideOutsideOfPackage("bg.digiclub.collector.cli")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the server logs through slf4j; only a command's own output goes to the console (STYLE.md)");
}
