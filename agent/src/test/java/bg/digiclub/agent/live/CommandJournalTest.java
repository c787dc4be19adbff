package bg.digiclub.agent.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.testsupport.TestClock;

/** The command journal on a real database file, reopened as after a restart of the agent. */
class CommandJournalTest {
    @TempDir
    Path dir;

    final TestClock clock = TestClock.sofia("2026-12-05T09:00:00Z");
    Database db;
    CommandJournal journal;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        journal = new CommandJournal(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void restart() throws Exception {
        db.close();
        open();
    }

    private Command command(CommandKind kind) {
        return TestCommands.of(kind, clock.instant());
    }

    @Test
    void aNewCommandIsRecordedAndARepeatGetsTheStoredAnswer() throws Exception {
        Command lock = command(CommandKind.LOCK);
        assertEquals(Optional.empty(), journal.receive(lock));
        CommandAck done = new CommandAck(lock.id(), CommandOutcome.DONE, "locked");
        journal.answer(done);
        assertEquals(Optional.of(done), journal.receive(lock));
        restart();
        assertEquals(0, journal.interruptUnanswered());
        assertEquals(Optional.of(done), journal.receive(lock));
    }

    @Test
    void aRecordWithoutAnAnswerAfterARestartIsAnsweredFailedInterrupted() throws Exception {
        Command shutdown = command(CommandKind.SHUTDOWN);
        assertEquals(Optional.empty(), journal.receive(shutdown));
        restart();
        assertEquals(1, journal.interruptUnanswered());
        CommandAck interrupted =
                new CommandAck(shutdown.id(), CommandOutcome.FAILED, CommandJournal.INTERRUPTED_BY_RESTART);
        assertEquals(Optional.of(interrupted), journal.receive(shutdown));
        assertThrows(IllegalStateException.class, () -> journal.answer(interrupted), "answered only once");
    }

    @Test
    void aRecordWithoutAnAnswerWhileRunningIsAnsweredFailedNotRunAgain() throws Exception {
        Command restart = command(CommandKind.RESTART);
        assertEquals(Optional.empty(), journal.receive(restart));
        CommandAck failed = journal.receive(restart).orElseThrow();
        assertEquals(new CommandAck(restart.id(), CommandOutcome.FAILED, CommandJournal.INTERRUPTED), failed);
        assertEquals(Optional.of(failed), journal.receive(restart));
    }

    @Test
    void recordsGoAWeekAfterTheirCommandExpired() throws Exception {
        Command message = command(CommandKind.MESSAGE);
        journal.receive(message);
        journal.answer(new CommandAck(message.id(), CommandOutcome.DONE, "shown"));
        clock.set(message.expiresAt().plus(CommandJournal.KEPT_AFTER_EXPIRY).minus(Duration.ofMinutes(1)));
        journal.interruptUnanswered();
        assertEquals(
                CommandOutcome.DONE,
                journal.answerOf(message.id()).orElseThrow().outcome());
        clock.advance(Duration.ofMinutes(2));
        journal.interruptUnanswered();
        assertEquals(Optional.empty(), journal.answerOf(message.id()));
    }
}
