package bg.digiclub.agent.health.sampling.oshi;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** OSHI logs every file it reads at DEBUG; live tests turn that down so their output stays readable. */
final class QuietOshi {
    private QuietOshi() {
    }

    static void apply() {
        ((Logger) LoggerFactory.getLogger("oshi")).setLevel(Level.INFO);
    }
}
