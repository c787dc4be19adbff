package bg.digiclub.collector.cards;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.intake.ApiException;
import bg.digiclub.collector.intake.BodyReader;
import bg.digiclub.collector.intake.DeviceTokens;
import bg.digiclub.collector.intake.JsonProblems;
import bg.digiclub.collector.intake.RateLimiter;
import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;

/**
 * {@code POST /api/v1/cards/sync}: the device's token (as for batches), a rate per device (a PC syncs
 * every few minutes and when told; a few rounds at once after a change), the body within its limits,
 * strict parsing, the day against the club's, then the one transaction ({@link ClubCards#sync});
 * an accepted change is announced to the club's other PCs ({@link CardsNotifier}). The club is the
 * device's: a PC never names one, so it can neither read nor change another club's cards.
 */
public final class CardSyncIntake {
    private static final Logger LOG = LoggerFactory.getLogger(CardSyncIntake.class);

    /** Per device: 20 rounds at once, then one every 3 seconds. */
    static final int BURST = 20;

    static final double PER_SECOND = 1.0 / 3;

    private final DeviceTokens tokens;
    private final RateLimiter rate;
    private final BodyReader bodies;
    private final ClubCards cards;
    private final CardsNotifier notifier;
    private final ObjectMapper json;
    private final Clock clock;

    public CardSyncIntake(
            DeviceTokens tokens,
            BodyReader bodies,
            ClubCards cards,
            CardsNotifier notifier,
            ObjectMapper json,
            Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rate = new RateLimiter(clock, PER_SECOND, BURST);
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One sync; the headers as received (null when absent). */
    public CardSyncResponse receive(
            String authorization, String contentType, String contentEncoding, long contentLength, InputStream body)
            throws ApiException, IOException, SQLException {
        DeviceIdentity device = tokens.authenticate(authorization);
        Optional<Duration> wait = rate.acquire(device.deviceId().toString());
        if (wait.isPresent()) {
            throw new ApiException(
                    429, "rate-limited", "too many card syncs from this device; retry later", wait.get());
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(400, "bad-header", "Content-Type must be application/json, was " + contentType);
        }
        CardSyncRequest request = parse(bodies.read(body, contentLength, contentEncoding));
        LocalDate today = LocalDate.ofInstant(clock.instant(), device.clubTimeZone());
        if (request.day().isBefore(today.minusDays(1)) || request.day().isAfter(today.plusDays(1))) {
            throw new ApiException(
                    422,
                    "wrong-day",
                    "the minutes are for " + request.day() + " but the club's day is " + today
                            + ": the PC's clock is wrong");
        }
        ClubCards.SyncOutcome outcome =
                cards.sync(device.clubId(), device.deviceId().toString(), request, today);
        outcome.changedTo().ifPresent(version -> {
            LOG.debug(
                    "cards of club {} changed to version {} by device {}", device.clubId(), version, device.deviceId());
            notifier.cardsChanged(device.clubId(), version);
        });
        return outcome.response();
    }

    private CardSyncRequest parse(byte[] bytes) throws ApiException {
        try {
            return json.readValue(bytes, CardSyncRequest.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new ApiException(400, "invalid-json", "the body is not JSON: " + e.getMessage());
        }
    }
}
