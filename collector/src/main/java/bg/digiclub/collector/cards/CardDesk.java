package bg.digiclub.collector.cards;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.support.secret.KeyedHash;
import bg.digiclub.support.secret.RandomDigits;
import bg.digiclub.support.secret.SlowHash;

/**
 * What the club's cards page does to a club's cards, with the same codes, PINs and hashes a PC's
 * staff panel makes: a new card (its code and PIN are in the answer only: the collector keeps the
 * keyed hash of the code and the slow hash of the PIN), a new PIN, disabling. Each change is merged
 * like a PC's (dated by the collector's clock) and announced to the club's PCs.
 */
public final class CardDesk {
    private final ClubCards cards;
    private final SlowHash pinHash;
    private final RandomDigits random;
    private final CardsNotifier notifier;
    private final Clock clock;

    public CardDesk(ClubCards cards, SlowHash pinHash, RandomDigits random, CardsNotifier notifier, Clock clock) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.pinHash = Objects.requireNonNull(pinHash, "pinHash");
        this.random = Objects.requireNonNull(random, "random");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A card just made: its code and first PIN, shown once. */
    public record NewCard(String code, String pin) {
        public NewCard {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(pin, "pin");
        }

        @Override
        public String toString() {
            return "NewCard[code=<hidden>, pin=<hidden>]";
        }
    }

    public NewCard create(String clubId) throws SQLException {
        KeyedHash codes = new KeyedHash(cards.key(clubId));
        char[] pin = random.newPin();
        try {
            String hash = pinHash.hash(pin);
            for (int attempt = 0; attempt < 20; attempt++) {
                String code = random.newCode();
                String codeHash = codes.hex(code);
                if (cards.card(clubId, codeHash).isPresent()) {
                    continue;
                }
                changed(clubId, new CardRecord(codeHash, hash, null, false, now(), 0));
                return new NewCard(code, new String(pin));
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        // 20 collisions in a row among 10^8 codes means the random source is broken
        throw new IllegalStateException("could not find a free card code");
    }

    /** A new PIN for a card of the club (the lockouts on the PCs are theirs); empty if there is no such card. */
    public Optional<String> newPin(String clubId, String codeHash) throws SQLException {
        Optional<CardRecord> card = cards.card(clubId, codeHash);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        char[] pin = random.newPin();
        try {
            CardRecord c = card.get();
            changed(clubId, new CardRecord(codeHash, pinHash.hash(pin), c.demographics(), c.disabled(), now(), 0));
            return Optional.of(new String(pin));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Disables a card of the club for good; false if there is no such card. */
    public boolean disable(String clubId, String codeHash) throws SQLException {
        Optional<CardRecord> card = cards.card(clubId, codeHash);
        if (card.isEmpty()) {
            return false;
        }
        CardRecord c = card.get();
        changed(clubId, new CardRecord(codeHash, c.pinHash(), c.demographics(), true, now(), 0));
        return true;
    }

    /** The keyed hash of a code as a member typed it, if the club has that card. */
    public Optional<String> find(String clubId, String typedCode) throws SQLException {
        String code = RandomDigits.normalizeCode(typedCode);
        if (code == null) {
            return Optional.empty();
        }
        String codeHash = new KeyedHash(cards.key(clubId)).hex(code);
        return cards.card(clubId, codeHash).map(CardRecord::codeHash);
    }

    private void changed(String clubId, CardRecord change) throws SQLException {
        cards.change(clubId, change).ifPresent(version -> notifier.cardsChanged(clubId, version));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
