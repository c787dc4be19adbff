package bg.digiclub.kiosk.testing;

import java.util.ArrayList;
import java.util.List;

/** What the fakes saw, in order, so a test can assert "apps closed, then wipe, then agent told". */
public final class EventLog {
    private final List<String> events = new ArrayList<>();

    public synchronized void add(String event) {
        events.add(event);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> startingWith(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
}
