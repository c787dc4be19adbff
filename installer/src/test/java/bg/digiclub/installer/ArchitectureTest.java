package bg.digiclub.installer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build cannot see in the installer: its packages do not import each other in a circle, and
 * only {@link InstallerMain} (the command line) touches the console; the steps report to the stream
 * they are given.
 */
@AnalyzeClasses(packages = "bg.digiclub.installer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle =
            slices().matching("bg.digiclub.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheMainClassPrintsToTheConsole = noClasses()
            .that()
            .doNotBelongToAnyOf(InstallerMain.class)
            .should(ACCESS_STANDARD_STREAMS)
            .because("the installer's steps write to the stream InstallerMain hands them, so tests can read it");
}
