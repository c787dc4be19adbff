package bg.digiclub.systemtest.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.testsupport.TestClock;

/**
 * Runs planned visits through the real kiosk client of each PC, in time order across the club's
 * PCs, moving the shared clock: member log-ins, session start, tiles opened, heartbeats, end (or, for a kiosk
 * that died, the agent's watchdog); health samples while the club is open; the agents' upload
 * ticks every 15 minutes, day and night.
 */
public final class ClubSimulation implements AutoCloseable {
    private static final Duration TICK = Duration.ofMinutes(15);

    private final TestClock clock;
    private final List<ClubPc> pcs;
    private final List<SocketAgentClient> kiosks = new ArrayList<>();
    /** Member cards per PC (a card belongs to one PC's member store). */
    private final List<List<NewMemberCard>> cards = new ArrayList<>();

    private final List<List<Demographics>> declared = new ArrayList<>();
    private Instant nextTick;

    public ClubSimulation(TestClock clock, List<ClubPc> pcs) {
        this.clock = clock;
        this.pcs = List.copyOf(pcs);
        for (int i = 0; i < pcs.size(); i++) {
            kiosks.add(pcs.get(i).kiosk());
            cards.add(new ArrayList<>());
            declared.add(new ArrayList<>());
        }
        nextTick = clock.instant();
    }

    public SocketAgentClient kiosk(int pc) {
        return kiosks.get(pc);
    }

    /** Staff open the staff panel on a PC and issue member cards; each member declares once. */
    public List<NewMemberCard> issueCards(int pc, List<Demographics> demographics) throws Exception {
        SocketAgentClient kiosk = kiosks.get(pc);
        if (!kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray())) {
            throw new AssertionError("the staff PIN was refused on PC " + pc);
        }
        for (Demographics d : demographics) {
            NewMemberCard card = kiosk.createMemberCard();
            MemberLogin login = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            if (login.outcome() != MemberLogin.Outcome.OK) {
                throw new AssertionError("a new card could not log in: " + login.outcome());
            }
            kiosk.declareDemographics(card.code(), d);
            cards.get(pc).add(card);
            declared.get(pc).add(d);
        }
        return List.copyOf(cards.get(pc));
    }

    public List<NewMemberCard> cards(int pc) {
        return List.copyOf(cards.get(pc));
    }

    /**
     * A day at the club: the PCs are on from {@code open} to {@code close} (local), the visits
     * happen, and every kiosk has delivered its events when this returns.
     */
    public void day(LocalDate day, LocalTime open, LocalTime close, List<Visit> visits) throws Exception {
        ZoneId zone = clock.getZone();
        List<Event> events = new ArrayList<>();
        for (Instant t = day.atTime(open).atZone(zone).toInstant();
                !t.isAfter(day.atTime(close).atZone(zone).toInstant());
                t = t.plus(ClubPc.SAMPLE_INTERVAL)) {
            for (int pc = 0; pc < pcs.size() && !t.isBefore(clock.instant()); pc++) {
                int p = pc;
                events.add(new Event(t, 0, () -> pcs.get(p).sample()));
            }
        }
        for (Visit v : visits) {
            if (!v.start().toLocalDate().equals(day)) {
                throw new IllegalArgumentException("visit " + v + " is not on " + day);
            }
            if (v.isMember() && !v.demographics().equals(declared.get(v.pc()).get(v.member()))) {
                throw new IllegalArgumentException("visit " + v + " does not carry its card's declaration");
            }
            SocketAgentClient kiosk = kiosks.get(v.pc());
            ClubPc pc = pcs.get(v.pc());
            Instant start = v.startInstant(zone);
            Instant end = v.endInstant(zone);
            events.add(new Event(start, 1, () -> begin(kiosk, v)));
            for (int i = 0; i < v.tiles().size(); i++) {
                TileCategory category = v.tiles().get(i);
                // a tile's program and address: they must never leave the PC (the privacy scan looks)
                List<String> argv =
                        List.of("/usr/bin/chromium", "https://portal.example.bg/" + category.key() + "/" + i);
                events.add(new Event(
                        start.plus(Duration.ofMinutes(v.tileMinute(i))), 2, () -> kiosk.launch(argv, category)));
            }
            for (Instant hb = start.plus(Duration.ofMinutes(Visit.HEARTBEAT_MINUTES));
                    v.reason() == EndReason.INTERRUPTED ? !hb.isAfter(end) : hb.isBefore(end);
                    hb = hb.plus(Duration.ofMinutes(Visit.HEARTBEAT_MINUTES))) {
                events.add(new Event(hb, 2, kiosk::heartbeat));
            }
            if (v.reason() == EndReason.INTERRUPTED) {
                // the kiosk died: its heartbeats stop, and the agent's watchdog ends the session
                events.add(new Event(end.plus(ClubPc.HEARTBEAT.multipliedBy(3)), 3, pc::watchdog));
            } else {
                events.add(new Event(end, 3, () -> finish(kiosk, v.reason())));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        for (Event e : events) {
            tickUntil(e.at());
            clock.set(e.at());
            e.action().run();
        }
    }

    private void begin(SocketAgentClient kiosk, Visit v) throws Exception {
        if (v.isMember()) {
            NewMemberCard card = cards.get(v.pc()).get(v.member());
            MemberLogin login = kiosk.authenticateMember(card.code(), card.pin().toCharArray());
            if (login.outcome() != MemberLogin.Outcome.OK) {
                throw new AssertionError("member " + v.member() + " could not log in on PC " + v.pc() + ": " + login);
            }
            kiosk.startSession(VisitorKind.MEMBER, card.code(), login.demographics(), login.allowedNow());
        } else {
            // the club's guest session is an hour, or as long as this planned visit
            kiosk.startSession(
                    VisitorKind.GUEST, null, v.demographics(), Duration.ofMinutes(Math.max(60, v.minutes())));
        }
    }

    /** The kiosk ends the session; staff log in on the staff panel first. */
    private static void finish(SocketAgentClient kiosk, EndReason reason) throws Exception {
        if (reason == EndReason.STAFF && !kiosk.authenticateStaff(ClubPc.STAFF_PIN.toCharArray())) {
            throw new AssertionError("the staff PIN was refused");
        }
        kiosk.endSession(reason);
    }

    /** Moves the clock to {@code until}, ticking every agent's upload service every 15 minutes on the way. */
    public void tickUntil(Instant until) throws InterruptedException {
        while (!nextTick.isAfter(until)) {
            if (nextTick.isAfter(clock.instant())) {
                clock.set(nextTick);
            }
            for (ClubPc pc : pcs) {
                pc.watchdog();
                UploadService upload = pc.upload();
                upload.tick();
            }
            nextTick = nextTick.plus(TICK);
        }
    }

    /** The night after {@code day}: the clock runs to {@code until} on the next day, ticking. */
    public void nightAfter(LocalDate day, LocalTime until) throws InterruptedException {
        Instant to = day.plusDays(1).atTime(until).atZone(clock.getZone()).toInstant();
        tickUntil(to);
        clock.set(to);
    }

    @Override
    public void close() {
        kiosks.forEach(SocketAgentClient::close);
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private record Event(Instant at, int order, Action action) {}
}
