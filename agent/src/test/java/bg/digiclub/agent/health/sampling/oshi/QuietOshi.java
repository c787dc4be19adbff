package bg.digiclub.agent.health.sampling.oshi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** OSHI logs every file it reads at DEBUG; live tests turn that down so their output stays readable. */
final class QuietOshi {
    private QuietOshi() {}

    static void apply() {
        ((Logger) LoggerFactory.getLogger("oshi")).setLevel(Level.INFO);
    }
}
