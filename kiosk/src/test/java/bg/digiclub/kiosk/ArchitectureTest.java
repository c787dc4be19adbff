package bg.digiclub.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the build's banned dependencies cannot see in the kiosk: view models stay plain Java (tested
 * without a screen, never holding a node), packages do not import each other in a circle (features
 * depend on {@code navigation}, the wiring on features), and only {@link KioskMain} writes to the
 * console: {@code --help}, {@code --version}, a bad argument, the {@code kiosk-ready} line the start-up
 * benchmark reads.
 */
@AnalyzeClasses(packages = "bg.digiclub.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that()
            .haveNameMatching(".*ViewModel(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..")
            .because("a view model exposes properties and commands and is tested as plain Java (STYLE.md, MVVM)");

    @ArchTest
    static final ArchRule packagesDoNotImportEachOtherInACircle =
            slices().matching("bg.digiclub.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheMainClassPrintsToTheConsole = noClasses()
            .that()
            .doNotBelongToAnyOf(KioskMain.class)
            .should(ACCESS_STANDARD_STREAMS)
            .because("the kiosk logs through slf4j; only its command line's own output goes to the console (STYLE.md)");
}
