package bg.digiclub.collector.live;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;

/** The signals between instances: PostgreSQL NOTIFY heard through LISTEN, on a channel of the schema's own. */
class LiveBusTest {
    @TempDir
    Path temp;

    @Test
    void aSignalPublishedOnPostgresqlIsHeardThroughListenInItsSchemaOnly() throws Exception {
        try (Database one = TestDatabases.open("postgresql", temp);
                Database other = TestDatabases.open("postgresql", temp)) {
            String channel = LiveBus.channelOf(one);
            assertNotEquals(channel, LiveBus.channelOf(other), "two schemas, two channels");
            LiveBus bus = new LiveBus(one, channel);
            List<LiveSignal> heard = new CopyOnWriteArrayList<>();
            bus.receiveWith(heard::add);
            try (PostgresListener listener = new PostgresListener(one, bus)) {
                listener.start();
                LiveSignal.Commands commands = new LiveSignal.Commands(UUID.randomUUID());
                LiveSignal.CardsChanged cards = new LiveSignal.CardsChanged("sz-rodina-1860", 42);

                bus.publish(commands);
                one.write(c -> {
                    bus.within(c, cards);
                    return null;
                });

                await("both signals").until(() -> heard.size() == 2);
                assertEquals(List.of(commands, cards), heard);
            }
        }
    }

    @Test
    void sqliteHasTheOneChannelAndHearsAfterTheCommit() throws Exception {
        try (Database db = TestDatabases.open("sqlite", temp)) {
            LiveBus bus = new LiveBus(db, LiveBus.channelOf(db));
            List<LiveSignal> heard = new CopyOnWriteArrayList<>();
            bus.receiveWith(heard::add);
            LiveSignal room = new LiveSignal.RoomChanged("sz-rodina-1860");
            db.write(c -> {
                bus.within(c, room);
                return null;
            });
            assertEquals(List.of(), heard, "nothing before the commit");
            bus.afterCommit(room);
            bus.publish(room);
            assertEquals(List.of(room, room), heard);
            assertEquals(LiveSignal.CHANNEL, LiveBus.channelOf(db));
        }
    }
}
