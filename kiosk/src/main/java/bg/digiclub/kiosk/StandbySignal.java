package bg.digiclub.kiosk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby kiosk's word to take over: the line {@code show} on its standard input, written by
 * digiclub-supervise (through a pipe only the kiosk's account can open) when the kiosk on screen
 * has died. Standard input ending first means the supervisor is gone: the standby ends too.
 * Read on a daemon thread of its own; after {@code show} nothing more is read.
 */
final class StandbySignal {
    private static final Logger LOG = LoggerFactory.getLogger(StandbySignal.class);
    static final String SHOW = "show";

    private StandbySignal() {}

    /** Starts the reader: {@code show} once the word comes, {@code end} if the input ends before it. */
    static Thread await(InputStream in, Runnable show, Runnable end) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.strip().equals(SHOW)) {
                                LOG.info("standby kiosk taking over");
                                show.run();
                                return;
                            }
                        }
                    } catch (IOException e) {
                        LOG.warn("standby kiosk: reading its input failed ({}); ending", e.getMessage());
                    }
                    LOG.info("standby kiosk: its supervisor is gone; ending");
                    end.run();
                },
                "kiosk-standby");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
