package bg.digiclub.kiosk.platform.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcStatTest {
    @Test
    void readsTheStateAfterTheCommandName() {
        // captured on this machine: a killed, double-forked sleep that pid 1 never reaped
        assertTrue(ProcStat.isDead("9534 (sleep) Z 1 9530 2202 0 -1 4228108 97 0 1 0 0 0 0 0 20 0 1 0 41026 0 0"));
        assertFalse(ProcStat.isDead("30357 (sleep) S 1 31938 2202 0 -1 4194304 75 0 0 0 0 0 0 0 20 0 1 0 41026"));
        assertTrue(ProcStat.isDead("12 (kworker/0:1) X 2 0 0 0 -1 69238880"));
    }

    @Test
    void aCommandNameWithParenthesesCannotFoolIt() {
        assertFalse(ProcStat.isDead("4242 (evil) Z (x) S 1 4242 4242 0 -1"));
        assertTrue(ProcStat.isDead("4242 (evil) S (x) Z 1 4242 4242 0 -1"));
    }

    @Test
    void garbageIsNotDead() {
        assertFalse(ProcStat.isDead(""));
        assertFalse(ProcStat.isDead("123 (trunc)"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theJvmItselfIsRunning() {
        assertFalse(ProcStat.exited(ProcessHandle.current()));
    }
}
