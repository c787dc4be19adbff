package bg.digiclub.systemtest.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import bg.digiclub.agent.room.PowerControl;

/**
 * The PC's power as the tests see it: the agent's restart and shutdown orders are recorded, not
 * carried out (the test runs on a shared machine); the real ones are the agent's room tests'.
 */
public final class RecordedPower implements PowerControl {
    private final List<String> orders = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> restart() {
        orders.add("restart");
        return Optional.empty();
    }

    @Override
    public Optional<String> shutdown() {
        orders.add("shutdown");
        return Optional.empty();
    }

    /** The orders given so far, in order ("restart", "shutdown"). */
    public List<String> orders() {
        return List.copyOf(orders);
    }
}
