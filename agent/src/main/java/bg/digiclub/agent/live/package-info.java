/**
 * The live channel to the collector (docs/live.md): {@link bg.digiclub.agent.live.LiveClient} keeps
 * one WebSocket open while the PC is enrolled, sends the PC's state up and runs the commands that
 * come down, each at most once ({@link bg.digiclub.agent.live.CommandJournal} in the agent's
 * database, {@link bg.digiclub.agent.live.CommandRunner}). What the PC is and does comes from
 * {@code agent.room.PcConsole}; this package only carries it. Nothing sent identifies a person or
 * the PC's hardware: the device is known by its token, never named in a frame.
 */
package bg.digiclub.agent.live;
