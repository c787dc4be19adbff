package bg.digiclub.collector.live;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.store.Database;

/**
 * The collector's live side, as the server wires it: the club page's {@link ClubConsole} and the
 * tidings other parts give the PCs ({@link #cardsChanged}).
 */
public final class LiveHub implements AutoCloseable {
    private final LiveBus bus;
    private final LiveConsole console;

    public LiveHub(Database database, Clock clock, ObjectMapper json) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(json, "json");
        this.bus = new LiveBus(database);
        this.console = new LiveConsole(database, clock, bus, new SettingsStore(json));
    }

    /** What the club page uses. */
    public ClubConsole console() {
        return console;
    }

    /**
     * The club's member cards changed (up to {@code cursor}): its PCs with a live connection, on
     * any instance, are told to sync now.
     */
    public void cardsChanged(String clubId, long cursor) throws SQLException {
        Objects.requireNonNull(clubId, "clubId");
        bus.publish(new LiveSignal.CardsChanged(clubId, cursor));
    }

    @Override
    public void close() {}
}
