package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.OpeningHours;

/** The club settings form: opening hours with a lunch break, empty means never, wrong fields named. */
class SettingsFormTest {
    private static final PageText BG = new PageText(PageLanguage.BG);
    private static final ClubSettings CURRENT = new ClubSettings(4, List.of(), 30, null, false, 5, 15);

    private static Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("reservation", "7");
        fields.put("grace", "10");
        fields.put("shutdownAfter", "");
        fields.put("wakeBefore", "15");
        return fields;
    }

    @Test
    void openingsPerDayQueueAndMinutesAreRead() {
        Map<String, String> fields = fields();
        fields.put("opens-1-0", "9:00"); // as people write it, or with the zero
        fields.put("closes-1-0", "12:30");
        fields.put("opens-1-1", "13:30");
        fields.put("closes-1-1", "18:00");
        fields.put("opens-6-0", "10:00");
        fields.put("closes-6-0", "14:00");
        fields.put("queue", "on");
        ClubSettings settings = SettingsForm.parse(BG, CURRENT, fields::get);
        assertEquals(
                List.of(
                        new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                        new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(13, 30), LocalTime.of(18, 0)),
                        new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))),
                settings.week());
        assertTrue(settings.queueEnabled());
        assertEquals(7, settings.reservationMinutes());
        assertEquals(10, settings.graceMinutes());
        assertNull(settings.shutdownAfterMinutes(), "empty: never");
        assertEquals(15, settings.wakeBeforeMinutes());
        assertEquals(4, settings.version(), "the store raises it");
        assertEquals(2, SettingsForm.openings(settings, 1).size());
        assertEquals(
                LocalTime.of(13, 30), SettingsForm.openings(settings, 1).get(1).opens());
        assertEquals(List.of(), SettingsForm.openings(settings, 7));
    }

    @Test
    void anUncheckedQueueIsOff() {
        assertFalse(SettingsForm.parse(BG, CURRENT, fields()::get).queueEnabled());
    }

    @Test
    void wrongFieldsAreRefusedNamingWhatIsWrong() {
        Map<String, String> halfDay = fields();
        halfDay.put("opens-2-0", "09:00");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SettingsForm.parse(BG, CURRENT, halfDay::get));
        assertTrue(e.getMessage().contains(BG.weekday(2)), e.getMessage());

        Map<String, String> backwards = fields();
        backwards.put("opens-3-0", "18:00");
        backwards.put("closes-3-0", "09:00");
        assertThrows(IllegalArgumentException.class, () -> SettingsForm.parse(BG, CURRENT, backwards::get));

        Map<String, String> longHold = fields();
        longHold.put("reservation", "31");
        IllegalArgumentException hold =
                assertThrows(IllegalArgumentException.class, () -> SettingsForm.parse(BG, CURRENT, longHold::get));
        assertTrue(hold.getMessage().contains("1") && hold.getMessage().contains("30"), hold.getMessage());

        Map<String, String> words = fields();
        words.put("grace", "fifteen");
        assertThrows(IllegalArgumentException.class, () -> SettingsForm.parse(BG, CURRENT, words::get));
    }
}
