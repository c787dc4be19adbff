package bg.digiclub.common.link.wire;

import java.util.Objects;

import bg.digiclub.common.live.PcMode;

/**
 * The answer to {@code pc.notices}, which the kiosk asks every 2 s on every screen: what it must
 * show over everything else. Nothing secret: the kiosk's account alone may ask.
 *
 * @param mode               what the PC is doing (LOCKED, CLOSED: the lock screen says so and no session starts)
 * @param message            the oldest staff message not yet acknowledged, or null
 * @param minutesToClosing   minutes until the club closes, when 10 or fewer; else null
 * @param reservedFor        the queue number this PC is held for, or null
 * @param queueWaiting       people are waiting: a new session right after one ended needs their
 *                           turn or staff approval, and time is not extended automatically
 * @param help               the state of this PC's call for help
 * @param graceMinutes       minutes the visitor may take now with {@code session.grace}; 0 if none
 * @param remainingSeconds   the running session's time left (follows a remote extension at once); null without one
 */
public record Notices(
        PcMode mode,
        ShownMessage message,
        Integer minutesToClosing,
        Integer reservedFor,
        boolean queueWaiting,
        HelpState help,
        int graceMinutes,
        Long remainingSeconds) {
    public Notices {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(help, "help");
    }
}
