package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class StandbySignalTest {
    private final List<String> told = new CopyOnWriteArrayList<>();

    private void run(String input) throws InterruptedException {
        StandbySignal.await(
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                        () -> told.add("show"),
                        () -> told.add("end"))
                .join();
    }

    @Test
    void theWordShowMakesTheStandbyTakeOverOnceAndNothingAfterItIsRead() throws Exception {
        run("noise\n show \nshow\n");
        assertEquals(List.of("show"), told);
    }

    @Test
    void inputEndingBeforeTheWordEndsTheStandby() throws Exception {
        run("shown\nsho");
        assertEquals(List.of("end"), told);
    }
}
