package bg.digiclub.agent.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import bg.digiclub.agent.room.PcConsole;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/**
 * A PC for the live channel's tests: a state set by the test, every command it ran (answered DONE
 * "done KIND"), every room it was told of; {@link #holdCommands} makes it wait inside
 * {@link #execute} until {@link #releaseCommands}.
 */
final class TestPcConsole implements PcConsole {
    static final Instant AT = Instant.parse("2026-12-05T09:07:00Z");

    private final AtomicReference<PcState> state = new AtomicReference<>(free(0));
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Command> executed = new CopyOnWriteArrayList<>();
    private final List<Room> rooms = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile RuntimeException failure;

    static PcState free(int seconds) {
        return new PcState(
                AT.plusSeconds(seconds), PcMode.FREE, null, null, null, HealthStatus.OK, false, null, null, "test");
    }

    static PcState inSession(int minutesLeft) {
        return new PcState(
                AT.plusSeconds(60),
                PcMode.IN_SESSION,
                VisitorKind.MEMBER,
                minutesLeft,
                AT.plusSeconds(13),
                HealthStatus.WARN,
                true,
                null,
                7,
                "test");
    }

    /** Sets the state and tells the listeners, as the PC does when something changed. */
    void change(PcState next) {
        state.set(next);
        listeners.forEach(Runnable::run);
    }

    /** The next commands wait in {@link #execute} until {@link #releaseCommands}. */
    void holdCommands() {
        entered = new CountDownLatch(1);
        hold = new CountDownLatch(1);
    }

    void awaitCommandEntered() throws InterruptedException {
        entered.await();
    }

    void releaseCommands() {
        hold.countDown();
    }

    /** The next commands throw (a PC side that broke its promise). */
    void failWith(RuntimeException e) {
        failure = e;
    }

    List<Command> executed() {
        return new ArrayList<>(executed);
    }

    List<Room> rooms() {
        return new ArrayList<>(rooms);
    }

    @Override
    public PcState state() {
        return state.get();
    }

    @Override
    public CommandAck execute(Command command) {
        executed.add(command);
        entered.countDown();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return new CommandAck(command.id(), CommandOutcome.DONE, "done " + command.kind());
    }

    @Override
    public void roomChanged(Room room) {
        rooms.add(room);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
