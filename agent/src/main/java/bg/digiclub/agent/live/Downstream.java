package bg.digiclub.agent.live;

import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.room.PcConsole;
import bg.digiclub.common.live.CardsChanged;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.LiveMessage;
import bg.digiclub.common.live.Room;

/**
 * What came down the live channel, handled on its own thread ("live-commands") in the order it
 * came: commands through the {@link CommandRunner}, their answers handed back to go up; rooms to
 * the {@link PcConsole}; "cards changed" to the cards' sync. A slow command (ending a session
 * resets the visitor's home) never holds up the connection or the state going up.
 */
final class Downstream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Downstream.class);

    private final PcConsole console;
    private final CommandRunner commands;
    private final Runnable cardsChanged;
    private final Predicate<CommandAck> upstream;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(LiveThreads.named("live-commands"));

    /** @param upstream sends an answer up; false when there is no open connection (it is not kept) */
    Downstream(PcConsole console, CommandRunner commands, Runnable cardsChanged, Predicate<CommandAck> upstream) {
        this.console = Objects.requireNonNull(console, "console");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.cardsChanged = Objects.requireNonNull(cardsChanged, "cardsChanged");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    /** First, before any command: the journal answers what a restart interrupted. */
    void start() {
        execute(commands::recover);
    }

    /** Queues a message from the collector (never a PcState or CommandAck: those are refused before). */
    void accept(LiveMessage message) {
        execute(() -> handle(message));
    }

    /** Stops; a command being run is given a few seconds. */
    @Override
    public void close() {
        LiveThreads.stop(thread);
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: an unanswered command comes again on the next connection
        }
    }

    private void handle(LiveMessage message) {
        try {
            if (message instanceof Command command) {
                answer(command);
            } else if (message instanceof Room room) {
                console.roomChanged(room);
            } else if (message instanceof CardsChanged) {
                cardsChanged.run();
            }
        } catch (RuntimeException e) {
            LOG.error("live: {} from the collector failed", message.getClass().getSimpleName(), e);
        }
    }

    private void answer(Command command) {
        CommandAck ack;
        try {
            ack = commands.run(command);
        } catch (SQLException e) {
            // not answered: the collector sends it again on the next connection, the journal decides then
            LOG.error("live: command {} could not be recorded or its answer kept", command.id(), e);
            return;
        }
        if (!upstream.test(ack)) {
            LOG.info("live: the answer to {} waits for the collector to send the command again", command.id());
        }
    }
}
