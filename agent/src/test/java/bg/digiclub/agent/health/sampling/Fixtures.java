package bg.digiclub.agent.health.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads captured command outputs and files from {@code src/test/resources/sampling}: the /proc and smartctl tests share them. */
public final class Fixtures {
    private Fixtures() {}

    public static String text(String name) {
        String path = "/sampling/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
