package bg.digiclub.agent.member;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.cards.CardMinutes;
import bg.digiclub.common.cards.CardRecord;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;
import bg.digiclub.common.cards.CardVisit;
import bg.digiclub.support.secret.KeyedHash;

/**
 * Keeps this PC's cards in step with the club's through the collector: every {@code interval}, and
 * at once when the live channel says the club's cards changed ({@link #run}, the "sync now"). A
 * round sends this PC's unconfirmed card changes, its members' minutes today and the days its cards
 * had a member session (unconfirmed visits), and takes in the
 * club's changes, key and minutes on the other PCs ({@link ClubCardReplica}). Offline nothing
 * stops: logins use the replica, changes wait for the next round that reaches the collector.
 *
 * <p>Rounds run one at a time on this class's own thread; a "sync now" while one is waiting to run
 * is the same round.
 */
public final class CardSync implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardSync.class);
    /** Rounds in one sync at most (a first sync, a backlog of changes, more club changes than one answer holds). */
    static final int MAX_ROUNDS = 20;

    /** What one sync did. */
    public enum Outcome {
        SYNCED,
        NOT_ENROLLED
    }

    private final ClubCardReplica replica;
    private final MemberUsage usage;
    private final CardSyncTransport transport;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public CardSync(ClubCardReplica replica, MemberUsage usage, CardSyncTransport transport, Clock clock) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "card-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Syncs now and then every {@code interval}. */
    public void start(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("card sync interval must be positive, got " + interval);
        }
        thread.scheduleWithFixedDelay(this::logged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** "Sync now": a round on this class's thread soon, without waiting for it (the live channel calls it). */
    @Override
    public void run() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                logged();
            });
        }
    }

    private void logged() {
        try {
            syncOnce();
        } catch (IOException e) {
            LOG.info("card sync did not reach the collector: {}", e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("card sync failed", e);
        }
    }

    /** One sync, on the caller's thread: rounds until nothing waits on either side. */
    public synchronized Outcome syncOnce() throws IOException, SQLException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<KeyedHash> key = replica.key();
            Instant now = clock.instant();
            LocalDate day = LocalDate.ofInstant(now, zone());
            List<CardRecord> changes = replica.unsynced(CardSyncRequest.MAX_CHANGES);
            List<CardMinutes> minutes = key.isPresent() ? minutesToday(key.get(), day, now) : List.of();
            List<CardVisit> visits = replica.unsentVisits(CardSyncRequest.MAX_VISITS);
            CardSyncRequest request = new CardSyncRequest(replica.cursor(), day, changes, minutes, visits);
            Optional<CardSyncResponse> answer = transport.exchange(request);
            if (answer.isEmpty()) {
                return Outcome.NOT_ENROLLED;
            }
            replica.take(request, answer.get(), now);
            // more here: the key just came, a full round, or visits of the cards this round made known
            boolean moreHere = key.isEmpty()
                    || changes.size() == CardSyncRequest.MAX_CHANGES
                    || visits.size() == CardSyncRequest.MAX_VISITS
                    || (!changes.isEmpty() && replica.hasUnsentVisits());
            if (!moreHere && !answer.get().more()) {
                return Outcome.SYNCED;
            }
        }
        return Outcome.SYNCED;
    }

    /** This PC's minutes today per card used today, whole minutes rounded up. */
    private List<CardMinutes> minutesToday(KeyedHash key, LocalDate day, Instant now) {
        Instant from = day.atStartOfDay(zone()).toInstant();
        List<CardMinutes> minutes = new ArrayList<>();
        for (String code : usage.codesBetween(from, now)) {
            Duration used = usage.usedBetween(code, from, now);
            long whole = (used.toSeconds() + 59) / 60;
            minutes.add(new CardMinutes(key.hex(code), (int) Math.min(24 * 60, whole)));
            if (minutes.size() == CardSyncRequest.MAX_MINUTES) {
                break;
            }
        }
        return minutes;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
