/**
 * The live channel between a club PC's agent and the collector (docs/live.md): one WebSocket per
 * online PC at {@code /api/v1/live}, authorised by the device's bearer token. JSON text frames,
 * each one {@link bg.digiclub.common.live.LiveMessage} written and read with
 * {@code common.batch.StrictJson}.
 *
 * <p>Agent to collector: {@link bg.digiclub.common.live.PcState} (on connect and within seconds
 * of every change), {@link bg.digiclub.common.live.CommandAck}. Collector to agent:
 * {@link bg.digiclub.common.live.Command}, {@link bg.digiclub.common.live.Room} (the club's
 * settings and queue as they concern this PC), {@link bg.digiclub.common.live.CardsChanged}.
 *
 * <p>Nothing in it identifies a person or the PC's hardware: a visitor is "guest" or "member",
 * time is minutes left, the PC is its random device id (from the token, never in a message).
 */
package bg.digiclub.common.live;
