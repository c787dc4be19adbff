package bg.digiclub.kiosk.platform;

import java.time.Duration;

/**
 * Ends every application the visitor's session left running, except the kiosk itself:
 * politely first, then forcibly after {@code grace}, rescanning until none is left
 * (double-forked programs included; see DESIGN.md pitfalls).
 */
public interface SessionProcesses {
    /** @return how many processes were ended */
    int endAll(Duration grace);
}
