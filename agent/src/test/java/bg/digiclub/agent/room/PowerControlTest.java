package bg.digiclub.agent.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.live.Command;

/** What each system is asked to do: the commands only, never run here. */
class PowerControlTest {
    @Test
    void linuxAsksSystemdWithoutAPasswordPrompt() {
        assertEquals(List.of("systemctl", "--no-ask-password", "reboot"), LinuxPowerControl.command("reboot"));
        assertEquals(List.of("systemctl", "--no-ask-password", "poweroff"), LinuxPowerControl.command("poweroff"));
    }

    @Test
    void windowsRunsShutdownExeFromTheSystemDirectory() {
        WindowsPowerControl windows = new WindowsPowerControl("C:\\Windows");
        List<String> restart = windows.command("/r");
        assertEquals(Path.of("C:\\Windows", "System32", "shutdown.exe").toString(), restart.get(0));
        assertEquals(List.of("/r", "/t", "0", "/f", "/d", "p:4:1"), restart.subList(1, restart.size()));
        assertEquals("/s", windows.command("/s").get(1));
    }

    @Test
    void anUnsupportedSystemFailsSayingWhich() {
        UnsupportedPowerControl none = new UnsupportedPowerControl("Plan 9");
        assertTrue(none.restart().orElseThrow().contains("Plan 9"));
        assertTrue(none.shutdown().orElseThrow().contains("Plan 9"));
    }

    @Test
    void whatTheSystemSaidFitsAnAnswersDetail() {
        String detail = Details.of("systemctl reboot exited with 1:\nAccess denied\u0007 " + "x".repeat(400));
        assertTrue(Command.SHORT_TEXT.matcher(detail).matches(), detail);
    }
}
