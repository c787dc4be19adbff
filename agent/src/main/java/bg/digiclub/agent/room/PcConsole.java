package bg.digiclub.agent.room;

import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/**
 * What the live channel needs of the PC: its state, its commands run, the club's news kept. The
 * channel records each command's id durably before it calls {@link #execute} and never calls it
 * twice for one id.
 */
public interface PcConsole {

    /** The PC's state now (by the agent's clock). */
    PcState state();

    /**
     * Runs one command with the staff panel's rules. Never throws: a refusal or failure is the
     * answer's outcome, with a short detail for staff.
     */
    CommandAck execute(Command command);

    /** The club's settings and queue as they concern this PC, kept (on disk) until the next. */
    void roomChanged(Room room);

    /**
     * Called (on any thread, without locks held) whenever {@link #state()} may have changed: a
     * session started or ended, help was called, the mode changed. The channel sends the new
     * state within a second.
     */
    void onChange(Runnable listener);
}
