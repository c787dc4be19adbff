package bg.digiclub.support.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingChoiceTest {
    @TempDir
    Path dir;

    @Test
    void thePropertyWinsElseTheFileInEtcWhenItExists() throws Exception {
        Path etc = dir.resolve("logback.xml");
        assertEquals(Optional.empty(), OperatorLogFile.find(null, etc), "no file: the built-in set-up");
        Files.writeString(etc, "<configuration/>");
        assertEquals(Optional.of(etc), OperatorLogFile.find(null, etc));
        assertEquals(Optional.of(Path.of("/srv/mine.xml")), OperatorLogFile.find("/srv/mine.xml", etc));
    }

    @Test
    void theJournalCountsOnlyWhenOurOwnOutputIsItsStream() {
        assertFalse(JournalStream.connected(null, List.of(Optional.of("15:123"), Optional.empty())));
        assertTrue(JournalStream.connected("15:123", List.of(Optional.of("15:123"), Optional.of("8:1"))));
        assertTrue(JournalStream.connected("8:1", List.of(Optional.empty(), Optional.of("8:1"))), "stderr");
        assertFalse(
                JournalStream.connected("15:123", List.of(Optional.of("15:999"), Optional.of("8:1"))),
                "inherited from a service, but our output goes elsewhere");
    }

    @Test
    void ourOwnStreamsAreReadAsSystemdWritesThem() throws Exception {
        Optional<String> out = JournalStream.streamOf(1);
        assertTrue(out.isPresent());
        assertTrue(out.get().matches("\\d+:\\d+"), out.get());
        // this very test's output, named in the variable, is the journal's stream
        assertTrue(JournalStream.connected(out.get(), List.of(out, JournalStream.streamOf(2))));
    }
}
