package bg.digiclub.kiosk.platform.windows;

import java.time.Duration;
import java.util.Optional;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;

import bg.digiclub.kiosk.platform.IdleMonitor;

/**
 * Idle time from {@code GetLastInputInfo}: the tick of the last input in this desktop session,
 * compared with {@code GetTickCount}. Compiles everywhere; runs (and was only ever run) on Windows.
 */
public final class WindowsIdleMonitor implements IdleMonitor {
    @Override
    public Optional<Duration> idleTime() {
        WinUser.LASTINPUTINFO last = new WinUser.LASTINPUTINFO();
        if (!User32.INSTANCE.GetLastInputInfo(last)) {
            return Optional.empty();
        }
        return Optional.of(between(last.dwTime, Kernel32.INSTANCE.GetTickCount()));
    }

    /**
     * Time from {@code lastInputTick} to {@code nowTick}, both 32-bit millisecond tick counts that
     * wrap every 49.7 days; unsigned subtraction stays right across one wrap.
     */
    static Duration between(int lastInputTick, int nowTick) {
        return Duration.ofMillis(Integer.toUnsignedLong(nowTick - lastInputTick));
    }

    @Override
    public void close() {
        // nothing held
    }
}
