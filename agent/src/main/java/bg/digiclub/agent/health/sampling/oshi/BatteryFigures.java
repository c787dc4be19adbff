package bg.digiclub.agent.health.sampling.oshi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import bg.digiclub.agent.health.Metric;

/**
 * Turns what the PC's batteries report into the battery metrics: charge, health (full-charge
 * capacity as a share of design capacity) and whether the PC runs on mains power. A PC without a
 * battery gets no battery metrics at all — "not available", not 0 %.
 *
 * <p>Batteries of wireless mice, keyboards and game pads also show up as power sources on Linux;
 * they say nothing about the PC and are ignored.
 */
final class BatteryFigures {

    /**
     * One power source's readings as OSHI gives them.
     *
     * @param name              the OS's name for it ({@code BAT0}, {@code hidpp_battery_0}, ...)
     * @param remainingFraction charge between 0 and 1; negative when unknown
     * @param currentCapacity   remaining capacity (mWh or mAh); not above 0 when unknown
     * @param maxCapacity       full-charge capacity in the same unit; not above 0 when unknown
     * @param designCapacity    design capacity in the same unit; not above 0 when unknown
     * @param powerOnLine       the OS says mains power is connected
     * @param charging          the battery is charging
     * @param discharging       the battery is discharging
     */
    record BatteryFacts(
            String name,
            double remainingFraction,
            int currentCapacity,
            int maxCapacity,
            int designCapacity,
            boolean powerOnLine,
            boolean charging,
            boolean discharging) {}

    /** Name prefixes of peripheral batteries (Linux power_supply names of HID and game-pad drivers). */
    private static final List<String> PERIPHERAL_PREFIXES = List.of(
            "hid",
            "wacom_battery",
            "ps-controller-battery",
            "sony_controller_battery",
            "nintendo_switch_controller_battery",
            "apple_mfi_fastcharge",
            "axp20x-usb",
            "ucsi-source-psy");

    /** OSHI reports a missing capacity as 1 on some systems: real capacities are far larger. */
    private static final int MIN_REAL_CAPACITY = 2;

    /** A health above this is a firmware that reports nonsense capacities, not a new battery. */
    private static final double MAX_PLAUSIBLE_HEALTH_PCT = 150.0;

    private BatteryFigures() {}

    /** True when the power source is a peripheral's battery, not the PC's. */
    static boolean isPeripheral(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return PERIPHERAL_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** The battery metrics for the PC's own batteries; empty when it has none. */
    static Map<String, Double> metrics(List<BatteryFacts> sources) {
        List<BatteryFacts> batteries =
                sources.stream().filter(b -> !isPeripheral(b.name())).toList();
        Map<String, Double> metrics = new TreeMap<>();
        if (batteries.isEmpty()) {
            return metrics;
        }
        charge(batteries).ifPresent(v -> metrics.put(Metric.BATTERY_CHARGE_PCT, v));
        health(batteries).ifPresent(v -> metrics.put(Metric.BATTERY_HEALTH_PCT, v));
        metrics.put(Metric.BATTERY_ON_AC, onAc(batteries) ? 1.0 : 0.0);
        return metrics;
    }

    /**
     * Charge in percent: remaining over full capacity summed over all batteries (a laptop with two
     * batteries has one charge), else the average of the reported fractions.
     */
    static OptionalDouble charge(List<BatteryFacts> batteries) {
        boolean capacitiesKnown =
                batteries.stream().allMatch(b -> b.currentCapacity() >= 0 && b.maxCapacity() >= MIN_REAL_CAPACITY);
        if (capacitiesKnown) {
            long current =
                    batteries.stream().mapToLong(BatteryFacts::currentCapacity).sum();
            long full = batteries.stream().mapToLong(BatteryFacts::maxCapacity).sum();
            return OptionalDouble.of(Math.min(100.0, 100.0 * current / full));
        }
        var fractions = batteries.stream()
                .mapToDouble(BatteryFacts::remainingFraction)
                .filter(f -> f >= 0.0 && f <= 1.0)
                .toArray();
        if (fractions.length != batteries.size()) {
            return OptionalDouble.empty();
        }
        return Arrays.stream(fractions).map(f -> f * 100.0).average();
    }

    /** Full-charge over design capacity in percent, summed over batteries; empty when unknown. */
    static OptionalDouble health(List<BatteryFacts> batteries) {
        boolean known = batteries.stream()
                .allMatch(b -> b.maxCapacity() >= MIN_REAL_CAPACITY && b.designCapacity() >= MIN_REAL_CAPACITY);
        if (!known) {
            return OptionalDouble.empty();
        }
        long full = batteries.stream().mapToLong(BatteryFacts::maxCapacity).sum();
        long design = batteries.stream().mapToLong(BatteryFacts::designCapacity).sum();
        double pct = 100.0 * full / design;
        return pct <= MAX_PLAUSIBLE_HEALTH_PCT ? OptionalDouble.of(pct) : OptionalDouble.empty();
    }

    /**
     * On mains power when the OS says so or a battery charges; on battery when one discharges.
     * A battery that neither charges nor discharges ("full", "not charging") is on mains power:
     * Linux does not report mains power through the battery, so this is the only way to tell.
     */
    static boolean onAc(List<BatteryFacts> batteries) {
        if (batteries.stream().anyMatch(b -> b.powerOnLine() || b.charging())) {
            return true;
        }
        return batteries.stream().noneMatch(BatteryFacts::discharging);
    }
}
