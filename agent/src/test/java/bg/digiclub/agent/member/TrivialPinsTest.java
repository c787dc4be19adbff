package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrivialPinsTest {
    @Test
    void sameDigitsRunsAndShortPatternsAreRefused() {
        for (String pin : List.of(
                "000000",
                "999999999",
                "123456",
                "654321",
                "0123456789",
                "9876543210",
                "789012",
                "210987",
                "121212",
                "123123",
                "1212121",
                "909090")) {
            assertTrue(TrivialPins.whyRefused(pin.toCharArray(), false).isPresent(), pin);
            assertTrue(TrivialPins.whyRefused(pin.toCharArray(), true).isPresent(), pin + " (demo too)");
        }
    }

    @Test
    void ordinaryPinsAreAccepted() {
        for (String pin : List.of("24681357", "13572468", "902718", "123457", "112233", "1234560")) {
            assertEquals(Optional.empty(), TrivialPins.whyRefused(pin.toCharArray(), false), pin);
        }
    }

    @Test
    void theQuickStartPinIsForTheQuickStartOnly() {
        char[] demo = TrivialPins.QUICK_START_DEMO_PIN.toCharArray();
        assertTrue(TrivialPins.whyRefused(demo, false).orElseThrow().contains("demo PIN"));
        assertEquals(Optional.empty(), TrivialPins.whyRefused(demo, true));
    }
}
