package bg.digiclub.agent.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandOutcome;

/**
 * The agent's half of "executed at most once, answered exactly once" (docs/live.md): every command
 * id is recorded durably in the agent's database before the agent acts on it, and its answer once
 * there is one (table {@code live_commands}). An id seen before is never acted on again: its
 * stored answer is sent again (the first was lost on the way). A record without an answer was
 * interrupted while it ran, by a restart of the agent or a failed write: it is answered
 * {@link CommandOutcome#FAILED} and never run, since nobody can tell how far it got.
 *
 * <p>The record is written with {@code synchronous = FULL}: the database's usual NORMAL keeps a
 * committed transaction across a crash of the process but not across a power cut, and a command
 * such as RESTART must not run a second time after the PC lost power just after it.
 *
 * <p>Thread-safe; the live channel calls it from its one command thread.
 */
public final class CommandJournal {
    /** The answer to a command the agent was running when it stopped. */
    public static final String INTERRUPTED_BY_RESTART = "interrupted by a restart of the agent";
    /** The answer to a command whose answer could not be recorded while the agent ran. */
    static final String INTERRUPTED = "interrupted before its answer was recorded";
    /** How long a record is kept after its command expired: the collector never sends it after that. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(7);

    private final Database db;
    private final Clock clock;

    public CommandJournal(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At start, before any command is received: every command recorded without an answer is
     * answered FAILED "interrupted by a restart of the agent"; records long expired are dropped.
     *
     * @return how many commands were interrupted
     */
    public synchronized int interruptUnanswered() throws SQLException {
        long now = clock.millis();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM live_commands WHERE expires_at < ?")) {
                ps.setLong(1, now - KEPT_AFTER_EXPIRY.toMillis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE live_commands SET outcome = ?, detail = ?, " + "answered_at = ? WHERE outcome IS NULL")) {
                ps.setString(1, CommandOutcome.FAILED.name());
                ps.setString(2, INTERRUPTED_BY_RESTART);
                ps.setLong(3, now);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Records {@code command} before the agent acts on it.
     *
     * @return empty if the command is new and now recorded: the caller acts, then {@link #answer}s;
     *     else the answer it had (a record found without one is answered FAILED now): the caller
     *     sends it again and does not act
     */
    public synchronized Optional<CommandAck> receive(Command command) throws SQLException {
        Objects.requireNonNull(command, "command");
        if (recordDurably(command)) {
            return Optional.empty();
        }
        Optional<CommandAck> stored = answerOf(command.id());
        if (stored.isPresent()) {
            return stored;
        }
        CommandAck interrupted = new CommandAck(command.id(), CommandOutcome.FAILED, INTERRUPTED);
        answer(interrupted);
        return Optional.of(interrupted);
    }

    /** Stores the answer of a command {@link #receive}d as new. */
    public synchronized void answer(CommandAck ack) throws SQLException {
        Objects.requireNonNull(ack, "ack");
        long now = clock.millis();
        int updated = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE live_commands SET outcome = ?, detail = ?, "
                    + "answered_at = ? WHERE command_id = ? AND outcome IS NULL")) {
                ps.setString(1, ack.outcome().name());
                ps.setString(2, ack.detail());
                ps.setLong(3, now);
                ps.setString(4, ack.commandId().toString());
                return ps.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("command " + ack.commandId() + " was not waiting for its answer");
        }
    }

    /** The stored answer of a command, if it has one. */
    public Optional<CommandAck> answerOf(UUID commandId) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT outcome, detail FROM live_commands WHERE command_id = ?")) {
                ps.setString(1, commandId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            new CommandAck(commandId, CommandOutcome.valueOf(rs.getString(1)), rs.getString(2)));
                }
            }
        });
    }

    /** True if the command is new and its record is now on disk (synced), false if it was there. */
    private boolean recordDurably(Command command) throws SQLException {
        long now = clock.millis();
        return db.autoCommit(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = FULL");
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO live_commands "
                        + "(command_id, kind, received_at, expires_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, command.id().toString());
                    ps.setString(2, command.kind().name());
                    ps.setLong(3, now);
                    ps.setLong(4, command.expiresAt().toEpochMilli());
                    return ps.executeUpdate() == 1;
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA synchronous = NORMAL");
                }
            }
        });
    }
}
