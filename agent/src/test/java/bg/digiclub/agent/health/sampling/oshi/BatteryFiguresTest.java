package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.oshi.BatteryFigures.BatteryFacts;

class BatteryFiguresTest {

    /** A worn laptop battery as Linux reports it: 30 Wh of a 50 Wh design, 21 Wh left, unplugged. */
    private static final BatteryFacts WORN_DISCHARGING =
            new BatteryFacts("BAT0", 0.70, 21_000_000, 30_000_000, 50_000_000, false, false, true);

    @Test
    void desktopWithoutBatteryHasNoBatteryMetrics() {
        assertEquals(Map.of(), BatteryFigures.metrics(List.of()));
    }

    @Test
    void laptopBatteryGivesChargeHealthAndPowerState() {
        Map<String, Double> m = BatteryFigures.metrics(List.of(WORN_DISCHARGING));
        assertEquals(70.0, m.get(Metric.BATTERY_CHARGE_PCT), 1e-9);
        assertEquals(60.0, m.get(Metric.BATTERY_HEALTH_PCT), 1e-9);
        assertEquals(0.0, m.get(Metric.BATTERY_ON_AC));
    }

    @Test
    void twoBatteriesAreOneChargeAndOneHealth() {
        BatteryFacts second = new BatteryFacts("BAT1", 0.10, 2_000_000, 20_000_000, 25_000_000, false, false, true);
        Map<String, Double> m = BatteryFigures.metrics(List.of(WORN_DISCHARGING, second));
        assertEquals(100.0 * 23 / 50, m.get(Metric.BATTERY_CHARGE_PCT), 1e-9);
        assertEquals(100.0 * 50 / 75, m.get(Metric.BATTERY_HEALTH_PCT), 1e-9);
    }

    @Test
    void unknownCapacitiesLeaveHealthOutAndChargeFromTheFraction() {
        // OSHI's defaults when the firmware reports no capacities: -1 current, 1 full, 1 design.
        BatteryFacts noCapacities = new BatteryFacts("CMB0", 0.42, -1, 1, 1, false, true, false);
        Map<String, Double> m = BatteryFigures.metrics(List.of(noCapacities));
        assertEquals(42.0, m.get(Metric.BATTERY_CHARGE_PCT), 1e-9);
        assertFalse(m.containsKey(Metric.BATTERY_HEALTH_PCT));
        assertEquals(1.0, m.get(Metric.BATTERY_ON_AC));
    }

    @Test
    void unknownChargeIsLeftOut() {
        BatteryFacts unknown = new BatteryFacts("BAT0", -1.0, -1, 1, 1, false, false, false);
        assertFalse(BatteryFigures.metrics(List.of(unknown)).containsKey(Metric.BATTERY_CHARGE_PCT));
    }

    @Test
    void implausibleHealthIsLeftOut() {
        BatteryFacts nonsense = new BatteryFacts("BAT0", 0.5, 5_000, 90_000, 10_000, true, false, false);
        assertTrue(BatteryFigures.health(List.of(nonsense)).isEmpty());
    }

    @Test
    void fullBatteryNeitherChargingNorDischargingIsOnMains() {
        BatteryFacts full = new BatteryFacts("BAT0", 1.0, 30_000, 30_000, 50_000, false, false, false);
        assertTrue(BatteryFigures.onAc(List.of(full)));
    }

    @Test
    void wirelessMouseBatteryIsNotThePcs() {
        BatteryFacts mouse = new BatteryFacts("hidpp_battery_0", 0.05, -1, 1, 1, false, false, true);
        assertTrue(BatteryFigures.isPeripheral("hidpp_battery_0"));
        assertFalse(BatteryFigures.isPeripheral("BAT0"));
        assertEquals(Map.of(), BatteryFigures.metrics(List.of(mouse)));
        assertEquals(
                70.0, BatteryFigures.metrics(List.of(mouse, WORN_DISCHARGING)).get(Metric.BATTERY_CHARGE_PCT), 1e-9);
    }
}
