package bg.digiclub.kiosk.notices;

import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.navigation.Screen;

/**
 * Maintenance started or ended from the club page: the agent says so in its notices, and the
 * kiosk steps aside from the lock screen (as after the staff panel's "Unlock for maintenance")
 * or locks again. It follows the agent's mode as it changes, never a mode that merely stays: a
 * poll answered just before the kiosk's own relock still says MAINTENANCE, and must not unlock
 * the PC again.
 *
 * <p>The notices do not carry the maintenance's length: the kiosk's bar counts the club's usual
 * length ({@code maintenance.length-minutes}); the agent's end, whichever comes first, locks too.
 */
public final class RemoteMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMaintenance.class);

    /**
     * @param length what the maintenance bar counts down (the club's usual maintenance length)
     */
    public RemoteMaintenance(NoticesViewModel notices, KioskViewModel kiosk, Duration length) {
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(kiosk, "kiosk");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("maintenance length must be positive, was " + length);
        }
        notices.modeProperty().addListener((obs, old, now) -> {
            if (now == PcMode.MAINTENANCE && kiosk.screen() == Screen.LOCK) {
                LOG.info("maintenance started from the club page: stepping aside");
                kiosk.startMaintenance(length);
            } else if (old == PcMode.MAINTENANCE && now != PcMode.MAINTENANCE && kiosk.screen() == Screen.MAINTENANCE) {
                LOG.info("maintenance ended by the agent: locking");
                kiosk.endMaintenance();
            }
        });
    }
}
