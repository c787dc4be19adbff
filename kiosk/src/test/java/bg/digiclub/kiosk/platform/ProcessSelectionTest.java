package bg.digiclub.kiosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProcessSelectionTest {
    private static final long KIOSK = 2210;

    /** Shaped after `ps -eo pid,ppid,user,args` on a club PC with a visitor session running. */
    private static final List<ProcessSnapshot> CLUB_PC = List.of(
            p(1, 0, "root", "/sbin/init", "/sbin/init"),
            p(640, 1, "root", "/usr/sbin/lightdm", "/usr/sbin/lightdm"),
            p(655, 640, "root", "/usr/lib/xorg/Xorg", "/usr/lib/xorg/Xorg :0"),
            p(2100, 640, "root", "/usr/sbin/lightdm", "lightdm --session-child 12 21"),
            p(2150, 2100, "visitor", "/usr/bin/sh", "/bin/sh /etc/X11/Xsession digiclub"),
            p(2160, 2150, "visitor", "/usr/bin/openbox", "openbox"),
            p(KIOSK, 2150, "visitor", "/usr/lib/jvm/java-17/bin/java", "java -jar digiclub-kiosk.jar"),
            p(2300, KIOSK, "visitor", "/usr/lib/chromium/chromium", "/usr/bin/chromium --incognito"),
            p(2301, 2300, "visitor", "/usr/lib/chromium/chromium", "chromium --type=renderer"),
            p(2400, 1, "visitor", "/usr/lib/firefox-esr/firefox-esr", "firefox-esr -private-window"),
            p(2500, 1, "visitor", "/usr/bin/dbus-daemon", "dbus-daemon --session"),
            p(2600, 1, "mentor", "/usr/bin/bash", "-bash"),
            p(2700, 1, "", "", ""));

    private static ProcessSnapshot p(long pid, long ppid, String user, String exe, String args) {
        return new ProcessSnapshot(pid, ppid, user, exe, args);
    }

    @Test
    void selectsTheVisitorsAppsIncludingDoubleForkedOnes() {
        ProcessSelection selection = new ProcessSelection(ProcessSelection.ownedBy("visitor"), Set.of("openbox"));

        assertEquals(Set.of(2300L, 2301L, 2400L, 2500L), selection.select(CLUB_PC, KIOSK));
    }

    @Test
    void neverSelectsTheKioskOrItsAncestorsEvenIfTheTargetMatchesEverything() {
        ProcessSelection selection = new ProcessSelection(p -> true, Set.of());

        Set<Long> chosen = selection.select(CLUB_PC, KIOSK);

        for (long spared : List.of(KIOSK, 2150L, 2100L, 640L, 1L)) {
            assertEquals(false, chosen.contains(spared), "must spare " + spared);
        }
        assertEquals(true, chosen.contains(2160L), "a sibling is not an ancestor");
    }

    @Test
    void survivesAParentCycleFromPidReuse() {
        List<ProcessSnapshot> table = List.of(
                p(10, 11, "visitor", "/bin/a", "a"),
                p(11, 10, "visitor", "/bin/b", "b"),
                p(12, 10, "visitor", "/bin/c", "c"));
        ProcessSelection selection = new ProcessSelection(ProcessSelection.ownedBy("visitor"), Set.of());

        assertEquals(Set.of(12L), selection.select(table, 10));
    }

    @Test
    void processesOfUnknownOwnerAreNeverTheVisitors() {
        ProcessSelection selection = new ProcessSelection(ProcessSelection.ownedBy("visitor"), Set.of());

        assertEquals(false, selection.select(CLUB_PC, KIOSK).contains(2700L));
    }

    @Test
    void blankVisitorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessSelection.ownedBy(" "));
        assertEquals("visitor user name is blank", e.getMessage());
    }

    @Test
    void executableNameHandlesBothSeparators() {
        assertEquals("explorer.exe", p(1, 0, "u", "C:\\Windows\\explorer.exe", "").executableName());
        assertEquals("openbox", p(1, 0, "u", "/usr/bin/openbox", "").executableName());
        assertEquals("", p(1, 0, "u", "", "").executableName());
    }
}
