package bg.digiclub.agent.health.check;

import java.time.Duration;

/**
 * When a stopped fan is a problem.
 *
 * <p>Many boards report fan headers with nothing attached as 0 rpm, and laptop fans stop on
 * their own when the processor is cool. So a fan is only judged once it has been seen
 * spinning: after that, a reading below {@code stoppedBelowRpm} (or no reading at all) counts
 * as "stopped", and a stopped fan becomes WARN once it has stayed stopped for
 * {@code minDuration} while the processor was at or above {@code quietBelowC} (or its
 * temperature was not available). A WARN fan clears as soon as it spins again; a cooler
 * processor alone does not clear it. Set {@code quietBelowC} to 0 to warn about any stopped
 * fan regardless of temperature.
 *
 * @param stoppedBelowRpm readings below this count as stopped; at or above as spinning
 * @param quietBelowC     a fan may stand still while the processor is below this temperature
 * @param minDuration     how long a fan must stay stopped (while the processor is warm) before WARN
 */
public record FanRule(double stoppedBelowRpm, double quietBelowC, Duration minDuration) {}
