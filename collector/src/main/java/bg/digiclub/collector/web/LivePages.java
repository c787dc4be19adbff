package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.live.ClubConsole;
import bg.digiclub.collector.live.PcTile;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.ClubSettings;

/**
 * The mentor's console on the club page: the room view and its JSON, the command form, the walk-up
 * queue, the club's settings and the audit log. Who may see the club is checked here for every
 * request (club staff: their club; the municipality: all), before the {@link ClubConsole} checks
 * it again. Every form that changes something carries the {@link Csrf} token (checked by the
 * {@link Dashboard} before these handlers run) and answers with a redirect to a page, so that a
 * reload does not send it twice.
 */
final class LivePages {
    /** How many of the latest commands the room view lists. */
    static final int COMMANDS_SHOWN = 15;
    /** How many lines of the audit log its page shows. */
    static final int LOG_LINES = 300;

    private final ClubConsole console;
    private final ClubStore clubs;
    private final PageContext pages;
    private final Clock clock;
    private final ObjectWriter json = StrictJson.mapper().writerFor(RoomJson.class);

    LivePages(ClubConsole console, ClubStore clubs, PageContext pages, Clock clock) {
        this.console = Objects.requireNonNull(console, "console");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code GET /clubs/{club}/room}; {@code ?number=N} shows a number just given out, large. */
    void room(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        List<PcTile> tiles = console.room(user, club.get().id());
        Integer number = number(ctx.queryParam("number"));
        ctx.html(pages.templates().room(pages.text(ctx), user, Csrf.token(ctx), club.get(), tiles, number));
    }

    /** {@code GET /clubs/{club}/room.json}: what the room view's script shows, read by it every 2 s. */
    void roomJson(Context ctx, User user) throws SQLException, JsonProcessingException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        String id = club.get().id();
        RoomJson room = RoomJson.of(
                new LiveText(pages.text(ctx), club.get().timeZone()),
                console.room(user, id),
                console.queue(user, id),
                console.commands(user, id, COMMANDS_SHOWN),
                clock.instant());
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(room));
    }

    /** {@code POST /clubs/{club}/commands}: the fields of {@link CommandForm}. */
    void command(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        PageText t = pages.text(ctx);
        String id = club.get().id();
        CommandForm form = CommandForm.parse(t, ctx::formParam);
        for (CommandForm.Order order : form.orders(t, () -> console.room(user, id))) {
            console.issue(user, id, order.device(), order.request());
        }
        ctx.redirect(Links.room(id), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /clubs/{club}/queue}: the next number; the room view then shows it large. */
    void enqueue(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        int number = console.enqueue(user, club.get().id());
        ctx.redirect(Links.room(club.get().id()) + "?number=" + number, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /clubs/{club}/queue/remove}, field {@code number}. */
    void dequeue(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(String.valueOf(ctx.formParam("number")).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(pages.text(ctx).get("live.error.number"), e);
        }
        console.dequeue(user, club.get().id(), number);
        ctx.redirect(Links.room(club.get().id()), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /clubs/{club}/settings}; {@code ?saved} after a change. */
    void settings(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        ClubSettings settings = console.settings(user, club.get().id());
        ctx.html(pages.templates()
                .settings(
                        pages.text(ctx),
                        user,
                        Csrf.token(ctx),
                        club.get(),
                        settings,
                        ctx.queryParam("saved") != null,
                        null));
    }

    /** {@code POST /clubs/{club}/settings}: the fields of {@link SettingsForm}; a wrong one shows the form again. */
    void saveSettings(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        PageText t = pages.text(ctx);
        String id = club.get().id();
        ClubSettings current = console.settings(user, id);
        ClubSettings wanted;
        try {
            wanted = SettingsForm.parse(t, current, ctx::formParam);
        } catch (IllegalArgumentException e) {
            ctx.status(400)
                    .html(pages.templates()
                            .settings(t, user, Csrf.token(ctx), club.get(), current, false, e.getMessage()));
            return;
        }
        console.changeSettings(user, id, wanted);
        ctx.redirect(Links.settings(id) + "?saved", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /clubs/{club}/log}: the audit log, newest first. */
    void log(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isEmpty()) {
            return;
        }
        ctx.html(pages.templates()
                .log(
                        new LiveText(pages.text(ctx), club.get().timeZone()),
                        user,
                        club.get(),
                        console.audit(user, club.get().id(), LOG_LINES)));
    }

    /** The number just given out, shown large; anything else in the address is ignored. */
    private static Integer number(String text) {
        if (text == null || !text.matches("[0-9]{1,3}")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
