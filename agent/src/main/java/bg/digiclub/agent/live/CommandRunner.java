package bg.digiclub.agent.live;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.room.PcConsole;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandOutcome;

/**
 * Runs the collector's commands on the PC at most once each: the id is recorded in the
 * {@link CommandJournal} before the {@link PcConsole} acts, the answer after; a command seen
 * before is answered with its stored answer and not run.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    /** The answer when the PC's side broke its promise never to throw. */
    static final String CRASHED = "the agent failed while running it";

    private final CommandJournal journal;
    private final PcConsole console;

    public CommandRunner(CommandJournal journal, PcConsole console) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * Before the first command after a start: commands the agent was running when it stopped are
     * answered FAILED "interrupted by a restart of the agent" (the collector gets that answer when
     * it sends them again), never run. A failure is logged: such a command is then answered FAILED
     * when it comes (the journal never runs a record without an answer).
     */
    public void recover() {
        try {
            int interrupted = journal.interruptUnanswered();
            if (interrupted > 0) {
                LOG.warn(
                        "{} command(s) interrupted by the agent's restart: answered FAILED, not run again",
                        interrupted);
            }
        } catch (SQLException e) {
            LOG.error("live: the command journal could not be checked after the start", e);
        }
    }

    /**
     * The answer to {@code command}, run now if it is new.
     *
     * @throws SQLException if the journal cannot be written: a command not recorded was not run
     *     (the collector sends it again); one run whose answer was not recorded is answered FAILED
     *     when it comes again
     */
    public CommandAck run(Command command) throws SQLException {
        Optional<CommandAck> earlier = journal.receive(command);
        if (earlier.isPresent()) {
            LOG.info(
                    "command {} ({}) came again: not run, its answer {} sent again",
                    command.id(),
                    command.kind(),
                    earlier.get().outcome());
            return earlier.get();
        }
        CommandAck ack;
        try {
            CommandAck given = console.execute(command);
            ack = new CommandAck(command.id(), given.outcome(), given.detail());
        } catch (RuntimeException e) {
            LOG.error("command {} ({}) failed with an exception", command.id(), command.kind(), e);
            ack = new CommandAck(command.id(), CommandOutcome.FAILED, CRASHED);
        }
        journal.answer(ack);
        // the detail is the PC side's short, name-free text; a message's own text is never logged
        LOG.info("command {} ({}): {} ({})", command.id(), command.kind(), ack.outcome(), ack.detail());
        return ack;
    }
}
