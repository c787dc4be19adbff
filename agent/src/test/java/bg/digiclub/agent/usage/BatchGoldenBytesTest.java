package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The agent's batches keep their bytes: for each fixture, exactly the JSON committed under
 * {@code batches/} (written by the hand-written writer this one replaced, which it matched byte
 * for byte). A changed field order, number format or optional field breaks this test, and with
 * it the promise that the same content is the same batch on the wire. The files end with one
 * newline for editors' sake; the JSON itself has none.
 */
class BatchGoldenBytesTest {
    @Test
    void everyFixtureIsWrittenExactlyAsCommitted() {
        List<BatchFixtures.Fixture> fixtures = BatchFixtures.all();
        assertAll(fixtures.stream().map(f -> (Executable)
                () -> assertEquals(golden(f.name()), new String(f.json(), StandardCharsets.UTF_8), f.name())));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = BatchGoldenBytesTest.class.getResourceAsStream("batches/" + name + ".json")) {
            assertNotNull(in, "no golden file batches/" + name + ".json");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
