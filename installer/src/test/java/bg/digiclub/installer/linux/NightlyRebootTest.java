package bg.digiclub.installer.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The nightly restart's time: what --nightly-reboot takes, and the drop-in written and read back. */
class NightlyRebootTest {
    @Test
    void aTimeIsHhMmOnTheTwentyFourHourClockOrOff() {
        assertEquals(
                Optional.of(LocalTime.of(3, 30)),
                NightlyReboot.Choice.parse("03:30").at());
        assertEquals(
                Optional.of(LocalTime.of(23, 59)),
                NightlyReboot.Choice.parse("23:59").at());
        assertEquals(
                Optional.of(LocalTime.of(0, 0)),
                NightlyReboot.Choice.parse(" 00:00 ").at());
        assertEquals(NightlyReboot.Choice.OFF, NightlyReboot.Choice.parse("off"));
        assertEquals(NightlyReboot.Choice.OFF, NightlyReboot.Choice.parse("OFF"));
        for (String wrong : List.of("3:30", "24:00", "03:60", "03.30", "03:30:00", "", "noon", "-1:00")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> NightlyReboot.Choice.parse(wrong), wrong);
            assertEquals(
                    "--nightly-reboot " + wrong + ": give the time as HH:MM on the 24-hour clock (e.g. 03:30), or off",
                    e.getMessage());
        }
        assertEquals("04:05", NightlyReboot.Choice.parse("04:05").toString());
        assertEquals("off", NightlyReboot.Choice.OFF.toString());
    }

    @Test
    void theDropInEmptiesTheTimersOwnTimeThenSetsTheOneAsked() {
        String dropIn = new String(NightlyReboot.dropIn(LocalTime.of(4, 5)), StandardCharsets.UTF_8);
        assertEquals(true, dropIn.endsWith("\n[Timer]\nOnCalendar=\nOnCalendar=*-*-* 04:05:00\n"), dropIn);
        assertEquals(Optional.of("04:05"), NightlyReboot.time(dropIn));
        assertEquals(
                Optional.of("05:00"),
                NightlyReboot.time("[Timer]\nOnCalendar=*-*-* 04:00:00\nOnCalendar=*-*-* 05:00:00\n"),
                "the last one, as systemd would take the last for the verify note");
        assertEquals(Optional.empty(), NightlyReboot.time("[Timer]\nOnCalendar=daily\n"));
        assertEquals(Optional.empty(), NightlyReboot.time("[Timer]\nOnCalendar=*-*-* 27:00:00\n"));
    }
}
