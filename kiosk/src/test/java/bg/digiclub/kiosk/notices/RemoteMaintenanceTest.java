package bg.digiclub.kiosk.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;
import bg.digiclub.kiosk.session.SessionViewModel;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.testing.FakeTicker;
import bg.digiclub.kiosk.testing.TestSessions;
import bg.digiclub.kiosk.ui.DisplayMode;

class RemoteMaintenanceTest {
    private final EventLog log = new EventLog();
    private final FakeTicker ticker = new FakeTicker();
    private final FakeAgentClient agent = new FakeAgentClient(log, ticker);
    private KioskViewModel kiosk;
    private NoticesViewModel notices;

    @BeforeEach
    void setUp() {
        SessionViewModel session = TestSessions.session(List.of(), agent, ticker);
        kiosk = new KioskViewModel(session, new I18n(Language.BG), Language.BG, new DisplayMode(), ticker);
        notices = new NoticesViewModel(agent, session, ticker, Runnable::run, Runnable::run);
        new RemoteMaintenance(notices, kiosk, Duration.ofMinutes(20));
    }

    private void agentSays(PcMode mode) {
        agent.notices = new Notices(mode, null, null, null, false, HelpState.NONE, 0, null);
        ticker.advance(NoticesViewModel.POLL);
        notices.tick();
    }

    @Test
    void maintenanceFromTheClubPageStepsAsideAndItsEndLocksAgain() {
        agentSays(PcMode.FREE);
        assertEquals(Screen.LOCK, kiosk.screen());
        agentSays(PcMode.MAINTENANCE);
        assertEquals(Screen.MAINTENANCE, kiosk.screen());
        assertEquals(Duration.ofMinutes(20), kiosk.maintenanceLeftProperty().get());
        agentSays(PcMode.MAINTENANCE);
        assertEquals(Screen.MAINTENANCE, kiosk.screen());
        agentSays(PcMode.FREE);
        assertEquals(Screen.LOCK, kiosk.screen());
    }

    @Test
    void aPollThatStillSaysMaintenanceAfterTheKiosksOwnRelockDoesNotUnlockAgain() {
        agentSays(PcMode.MAINTENANCE);
        kiosk.endMaintenance();
        agentSays(PcMode.MAINTENANCE);
        assertEquals(Screen.LOCK, kiosk.screen(), "the answer crossed the relock");
        agentSays(PcMode.FREE);
        assertEquals(Screen.LOCK, kiosk.screen());
    }

    @Test
    void theStaffPanelsOwnMaintenanceIsLeftToItsOwnCountdown() {
        kiosk.startMaintenance(Duration.ofMinutes(5));
        agentSays(PcMode.MAINTENANCE);
        assertEquals(Duration.ofMinutes(5), kiosk.maintenanceLeftProperty().get());
        ticker.advance(Duration.ofMinutes(5));
        kiosk.tick();
        assertEquals(Screen.LOCK, kiosk.screen());
        agentSays(PcMode.FREE);
        assertEquals(Screen.LOCK, kiosk.screen());
    }
}
