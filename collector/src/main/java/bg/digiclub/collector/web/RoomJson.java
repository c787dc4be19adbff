package bg.digiclub.collector.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import bg.digiclub.collector.live.CommandView;
import bg.digiclub.collector.live.PcTile;
import bg.digiclub.collector.live.QueueView;
import bg.digiclub.collector.report.HealthLight;

/**
 * What the room view's script reads every 2 s from {@code GET /clubs/{id}/room.json}: the time of
 * the answer (the club's, "09:31:05"), the tiles, the queue and the latest commands, with every text already in the page's language, so that the
 * script only places it (the words live in the bundles, once) and never builds HTML from it.
 */
record RoomJson(String at, List<Tile> tiles, Queue queue, List<Command> commands) {

    /**
     * One PC. {@code mode} is a PcMode name or OFF; {@code session} is the running session's start
     * (what an "extend" or "end" of this tile names), or null.
     */
    record Tile(
            UUID device,
            int number,
            String pcName,
            String mode,
            String state,
            String detail,
            String health,
            String healthText,
            String help,
            String reserved,
            Instant session) {}

    /** The walk-up queue; {@code held}: "№ 7: PC 2 is kept until 09:35". */
    record Queue(boolean enabled, List<Integer> waiting, List<String> held) {}

    /**
     * A command of the latest; {@code kind} and {@code state} are the enums' names,
     * {@code kindText} the kind in a word or two for the tile's line; {@code recent}: issued in the
     * last {@link #RECENT}, so its tile shows how it went.
     */
    record Command(
            int pc,
            String pcName,
            String kind,
            String kindText,
            String what,
            String state,
            String stateText,
            String answer,
            String at,
            String by,
            boolean recent) {}

    /** How long a command shows on its PC's tile, beside the list. */
    static final Duration RECENT = Duration.ofMinutes(5);

    static RoomJson of(LiveText text, List<PcTile> tiles, QueueView queue, List<CommandView> commands, Instant now) {
        PageText t = text.page();
        return new RoomJson(
                text.timeToTheSecond(now),
                tiles.stream()
                        .map(tile -> new Tile(
                                tile.deviceId(),
                                tile.pcNumber(),
                                text.pc(tile.pcNumber()),
                                LiveText.mode(tile),
                                text.state(tile),
                                text.detail(tile),
                                HealthLight.of(tile.health()).name(),
                                text.health(tile),
                                text.help(tile),
                                text.reserved(tile),
                                tile.online() ? tile.sessionStarted() : null))
                        .toList(),
                new Queue(
                        queue.enabled(),
                        queue.waiting(),
                        queue.held().stream()
                                .map(hold -> t.get(
                                        "live.queue.held",
                                        Integer.toString(hold.number()),
                                        text.pc(hold.pcNumber()),
                                        text.time(hold.until())))
                                .toList()),
                commands.stream()
                        .map(command -> new Command(
                                command.pcNumber(),
                                text.pc(command.pcNumber()),
                                command.kind().name(),
                                text.kind(command.kind()),
                                text.what(command),
                                command.state().name(),
                                text.state(command.state()),
                                command.detail(),
                                text.time(command.issuedAt()),
                                command.issuedBy(),
                                command.issuedAt().isAfter(now.minus(RECENT))))
                        .toList());
    }
}
