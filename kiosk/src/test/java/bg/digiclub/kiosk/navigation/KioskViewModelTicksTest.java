package bg.digiclub.kiosk.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.Countdown;
import bg.digiclub.kiosk.ui.DisplayMode;

/** Maintenance's countdown asks for a tick each time it shows another second, and none after it. */
class KioskViewModelTicksTest {
    private final FakeTicker ticker = new FakeTicker();
    private SessionViewModel session;
    private KioskViewModel kiosk;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(List.of(), new FakeAgentClient(new EventLog()), ticker);
        session.recoverInterrupted();
        kiosk = new KioskViewModel(session, new I18n(Language.BG), Language.BG, new DisplayMode(), ticker);
    }

    @Test
    void maintenanceTicksWithEverySecondOfItsCountdownUntilItRelocks() {
        assertEquals(Optional.empty(), kiosk.untilNextTick(), "the lock screen: nothing due but its clock");

        kiosk.startMaintenance(Duration.ofMinutes(15));
        assertEquals(Optional.of(Duration.ofSeconds(1)), kiosk.untilNextTick());
        ticker.advance(Duration.ofMillis(250));
        kiosk.tick();
        assertEquals(Optional.of(Duration.ofMillis(750)), kiosk.untilNextTick());

        int ticks = 0;
        String shown = Countdown.format(kiosk.maintenanceLeftProperty().get());
        while (kiosk.untilNextTick().isPresent()) {
            ticker.advance(kiosk.untilNextTick().get());
            kiosk.tick();
            ticks++;
            String now = Countdown.format(kiosk.maintenanceLeftProperty().get());
            if (kiosk.screen() == Screen.MAINTENANCE) {
                assertNotEquals(shown, now, "each tick shows another second");
            }
            shown = now;
        }
        assertEquals(Screen.LOCK, kiosk.screen(), "relocked when the time was up");
        assertEquals(900, ticks);
    }
}
