package bg.digiclub.collector.live;

import java.time.Instant;
import java.util.List;

/** The club's walk-up queue: numbers waiting in order, and PCs held for a number. */
public record QueueView(boolean enabled, List<Integer> waiting, List<Hold> held) {
    /** A PC held for a number until a time. */
    public record Hold(int number, int pcNumber, Instant until) {}

    public QueueView {
        waiting = List.copyOf(waiting);
        held = List.copyOf(held);
    }
}
