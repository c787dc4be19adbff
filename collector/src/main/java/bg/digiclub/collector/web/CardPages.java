package bg.digiclub.collector.web;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.cards.CardDesk;
import bg.digiclub.collector.cards.ClubCards;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.common.cards.CardRecord;

/**
 * The club's member cards page, {@code /clubs/{club}/cards}: the cards as references (the collector
 * never has a code), a new card (its code and PIN shown in that one answer only), a new PIN,
 * disabling, and finding a card by the code a member reads out. Club staff for their club, the
 * municipality for all; every form carries the session's {@link Csrf} token (checked by the
 * dashboard's routes before a form gets here).
 */
final class CardPages {
    private final ClubCards cards;
    private final CardDesk desk;
    private final ClubStore clubs;
    private final Clock clock;
    private final PageContext pages;

    CardPages(ClubCards cards, CardDesk desk, ClubStore clubs, Clock clock, PageContext pages) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** What a page shows once, after a form: a new card, a new PIN, a card found, or a message. */
    record Shown(String code, String pin, String reference, String messageKey) {
        static final Shown NOTHING = new Shown(null, null, null, null);

        static Shown message(String key) {
            return new Shown(null, null, null, key);
        }
    }

    void page(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isPresent()) {
            render(ctx, user, club.get(), Shown.NOTHING);
        }
    }

    void create(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isPresent()) {
            CardDesk.NewCard card = desk.create(club.get().id());
            render(ctx, user, club.get(), new Shown(card.code(), card.pin(), null, "cards.created"));
        }
    }

    void newPin(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isPresent()) {
            String codeHash = codeHash(ctx);
            Optional<String> pin = desk.newPin(club.get().id(), codeHash);
            render(
                    ctx,
                    user,
                    club.get(),
                    pin.map(p -> new Shown(null, p, reference(codeHash), "cards.newPinDone"))
                            .orElse(Shown.message("cards.unknown")));
        }
    }

    void disable(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isPresent()) {
            boolean done = desk.disable(club.get().id(), codeHash(ctx));
            render(ctx, user, club.get(), Shown.message(done ? "cards.disabledDone" : "cards.unknown"));
        }
    }

    void find(Context ctx, User user) throws SQLException {
        Optional<Club> club = pages.visibleClub(ctx, user, clubs);
        if (club.isPresent()) {
            Optional<String> codeHash = desk.find(club.get().id(), ctx.formParam("code"));
            render(
                    ctx,
                    user,
                    club.get(),
                    codeHash.map(h -> new Shown(null, null, reference(h), "cards.found"))
                            .orElse(Shown.message("cards.notFound")));
        }
    }

    private void render(Context ctx, User user, Club club, Shown shown) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), club.timeZone());
        List<ClubCards.CardView> list = cards.list(club.id(), today);
        ctx.html(pages.templates().cards(pages.text(ctx), user, Csrf.token(ctx), club, list, shown));
    }

    private static String codeHash(Context ctx) {
        String codeHash = ctx.pathParam("card");
        if (!CardRecord.CODE_HASH.matcher(codeHash).matches()) {
            throw new IllegalArgumentException("not a card: " + codeHash);
        }
        return codeHash;
    }

    private static String reference(String codeHash) {
        return "#" + codeHash.substring(0, 10);
    }
}
