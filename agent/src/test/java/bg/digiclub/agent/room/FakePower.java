package bg.digiclub.agent.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A PC that records restarts and shutdowns instead of doing them; it can be made to fail. */
final class FakePower implements PowerControl {
    final List<String> calls = new ArrayList<>();
    String failure;

    @Override
    public synchronized Optional<String> restart() {
        calls.add("restart");
        return Optional.ofNullable(failure);
    }

    @Override
    public synchronized Optional<String> shutdown() {
        calls.add("shutdown");
        return Optional.ofNullable(failure);
    }
}
