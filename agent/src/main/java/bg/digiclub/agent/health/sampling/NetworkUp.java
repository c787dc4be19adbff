package bg.digiclub.agent.health.sampling;

import java.util.Locale;
import java.util.OptionalDouble;

import oshi.hardware.NetworkIF.IfOperStatus;

/** Whether a network interface is up, from the operational status the OS reports (RFC 2863). */
public final class NetworkUp {

    private NetworkUp() {}

    /**
     * 1 when up, 0 when down (also when the cable is out or the device gone); empty when the OS
     * does not know — virtual interfaces often report "unknown" while they work.
     */
    public static OptionalDouble of(IfOperStatus status) {
        if (status == null) {
            return OptionalDouble.empty();
        }
        return switch (status) {
            case UP -> OptionalDouble.of(1.0);
            case DOWN, LOWER_LAYER_DOWN, NOT_PRESENT -> OptionalDouble.of(0.0);
            default -> OptionalDouble.empty();
        };
    }

    /**
     * As {@link #of(IfOperStatus)}, from the text of Linux's {@code /sys/class/net/<name>/operstate}
     * ({@code up}, {@code down}, {@code lowerlayerdown}, {@code notpresent}, {@code dormant},
     * {@code testing}, {@code unknown}).
     */
    public static OptionalDouble ofOperstate(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "up" -> OptionalDouble.of(1.0);
            case "down", "lowerlayerdown", "notpresent" -> OptionalDouble.of(0.0);
            default -> OptionalDouble.empty();
        };
    }
}
