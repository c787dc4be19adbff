package bg.digiclub.kiosk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;

/** The launcher asks the agent to start configured programs as the visitor, and nothing else. */
class AgentAppLauncherTest {
    private final FakeAgentClient agent = new FakeAgentClient(new EventLog());

    @Test
    void theAgentGetsTheConfiguredArgvWordForWord() throws Exception {
        AllowedApp odd =
                new AllowedApp("toucher", "Touch", null, List.of("touch", "one; touch two"), TileCategory.BROWSING);
        new AgentAppLauncher(List.of(odd), agent).launch(odd);
        assertEquals(List.of(List.of("touch", "one; touch two")), agent.launched, "argv, never a shell line");
    }

    @Test
    void startsOnlyConfiguredApps() {
        AllowedApp browser = new AllowedApp(
                "browser", "Браузър", null, List.of("/usr/bin/chromium", "--incognito"), TileCategory.BROWSING);
        AgentAppLauncher launcher = new AgentAppLauncher(List.of(browser), agent);

        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> launcher.launch(
                        new AllowedApp("shell", "Shell", null, List.of("/bin/sh"), TileCategory.BROWSING)));
        assertEquals("'shell' is not an allowed app as configured", unknown.getMessage());
        IllegalArgumentException changed = assertThrows(
                IllegalArgumentException.class,
                () -> launcher.launch(new AllowedApp(
                        "browser", "Браузър", null, List.of("/bin/sh", "-c", "id"), TileCategory.BROWSING)));
        assertEquals("'browser' is not an allowed app as configured", changed.getMessage());
        assertEquals(List.of(), agent.launched);
    }

    @Test
    void anAgentThatCannotStartItIsAnErrorNamingTheApp() {
        AllowedApp office =
                new AllowedApp("office", "Офис пакет", null, List.of("/usr/bin/libreoffice"), TileCategory.WRITING);
        agent.reachable = false;
        IOException e =
                assertThrows(IOException.class, () -> new AgentAppLauncher(List.of(office), agent).launch(office));
        assertTrue(e.getMessage().startsWith("Cannot start Офис пакет (office): "), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() {
        AllowedApp a = new AllowedApp("browser", "A", null, List.of("a"), TileCategory.BROWSING);
        AllowedApp b = new AllowedApp("browser", "B", null, List.of("b"), TileCategory.BROWSING);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new AgentAppLauncher(List.of(a, b), agent));
        assertEquals("app id 'browser' appears twice", e.getMessage());
    }
}
