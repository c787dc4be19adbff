package bg.digiclub.kiosk.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.PcStatus;

/**
 * A stand-in agent for {@code --demo} and the screenshots: a few member cards, a plausible health
 * report, staff PIN {@value #STAFF_PIN}. Keeps everything in memory; never used in production.
 */
public final class DemoAgentClient implements AgentClient {
    /** The demo's staff PIN, printed in docs/kiosk.md. */
    public static final String STAFF_PIN = "1234";
    /** A demo member card and its PIN. */
    public static final String MEMBER_CODE = "100200";

    public static final String MEMBER_PIN = "2468";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAgentClient.class);

    private final Clock clock;
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private int nextCode = 100201;
    private Instant sessionStarted;
    private Duration sessionAllowed;
    /** When the visitor called the mentor; the demo's mentor "sees" the call {@link #DEMO_MENTOR_DELAY} later. */
    private Instant helpCalled;

    private boolean graceTaken;

    /** The demo club's grace block, offered in a session's last {@link #GRACE_WINDOW}. */
    private static final Duration GRACE = Duration.ofMinutes(15);

    private static final Duration GRACE_WINDOW = Duration.ofMinutes(5);
    private static final Duration DEMO_MENTOR_DELAY = Duration.ofSeconds(20);

    public DemoAgentClient(Clock clock) {
        this.clock = clock;
        cards.put(MEMBER_CODE, new Card(MEMBER_PIN, null));
        cards.put("100150", new Card("1357", new Demographics(AgeBand.AGE_65_74, Sex.FEMALE)));
    }

    @Override
    public synchronized Duration startSession(
            VisitorKind kind, String cardCode, Demographics demographics, Duration allowed) {
        sessionStarted = clock.instant();
        sessionAllowed = allowed;
        graceTaken = false;
        LOG.info("demo agent: {} session started for {}", kind, allowed);
        return allowed;
    }

    @Override
    public synchronized Duration heartbeat() throws AgentRefusedException {
        if (sessionStarted == null) {
            throw new AgentRefusedException(ErrorCodes.SESSION_ENDED, "no session");
        }
        Duration left = sessionAllowed.minus(Duration.between(sessionStarted, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public synchronized List<WipeStepResult> endSession(EndReason reason) {
        LOG.info(
                "demo agent: session ended ({}); a real agent would end the visitor's programs and reset the home",
                reason);
        sessionStarted = null;
        helpCalled = null;
        return List.of(new WipeStepResult("demo", true, "nothing reset in demo mode"));
    }

    @Override
    public synchronized Duration extendSession(Duration more) throws AgentRefusedException {
        sessionAllowed = sessionAllowed.plus(more);
        return heartbeat();
    }

    @Override
    public synchronized PcStatus pcStatus() {
        return new PcStatus(false, false);
    }

    @Override
    public void startMaintenance(Duration length) {
        LOG.info("demo agent: maintenance for {}", length);
    }

    @Override
    public void endMaintenance() {
        LOG.info("demo agent: maintenance over");
    }

    @Override
    public void launch(List<String> argv, TileCategory category) {
        LOG.info("demo agent: would start {} ({}) as the visitor", String.join(" ", argv), category.key());
    }

    @Override
    public synchronized MemberLogin authenticateMember(String cardCode, char[] pin) {
        Card card = cards.get(cardCode);
        if (card == null) {
            // as the agent answers: an unknown code reads as a wrong PIN
            return refused(MemberLogin.Outcome.WRONG_PIN);
        }
        if (card.disabled) {
            return refused(MemberLogin.Outcome.DISABLED);
        }
        if (!Arrays.equals(card.pin.toCharArray(), pin)) {
            return refused(MemberLogin.Outcome.WRONG_PIN);
        }
        return new MemberLogin(MemberLogin.Outcome.OK, Duration.ofMinutes(90), Duration.ZERO, card.demographics);
    }

    private static MemberLogin refused(MemberLogin.Outcome outcome) {
        return new MemberLogin(outcome, Duration.ZERO, Duration.ZERO, null);
    }

    @Override
    public synchronized void declareDemographics(String cardCode, Demographics demographics) {
        Card card = cards.get(cardCode);
        if (card != null) {
            card.demographics = demographics;
        }
    }

    @Override
    public boolean authenticateStaff(char[] pin) {
        return Arrays.equals(STAFF_PIN.toCharArray(), pin);
    }

    @Override
    public HealthReport health() {
        var now = clock.instant();
        double gb = 1024d * 1024 * 1024;
        // words and facts as a real agent sends them, so the demo shows the values translated
        List<CheckReport> checks = List.of(
                new CheckReport(
                        "disk:/",
                        HealthStatus.WARN,
                        "9 % free of 237 GB",
                        now.minusSeconds(3600),
                        Map.of("freePercent", 9.0, "freeBytes", 21 * gb, "totalBytes", 237 * gb)),
                new CheckReport(
                        "cpu-temperature", HealthStatus.OK, "48 °C", now.minusSeconds(7200), Map.of("celsius", 48.0)),
                new CheckReport(
                        "memory",
                        HealthStatus.OK,
                        "36 % used of 8 GB",
                        now.minusSeconds(7200),
                        Map.of("percent", 36.0, "totalBytes", 8 * gb)),
                new CheckReport(
                        "uptime",
                        HealthStatus.OK,
                        "3 days since restart",
                        now.minusSeconds(7200),
                        Map.of("seconds", (double)
                                Duration.ofDays(3).plusHours(5).toSeconds())),
                new CheckReport(
                        "battery-health",
                        HealthStatus.UNKNOWN,
                        "not available",
                        now.minusSeconds(7200),
                        Map.of("available", 0.0)),
                new CheckReport(
                        "smart:/dev/sda", HealthStatus.OK, "passed", now.minusSeconds(7200), Map.of("smartOk", 1.0)));
        HealthStatus overall = checks.stream().map(CheckReport::status).reduce(HealthStatus.OK, HealthStatus::worst);
        return new HealthReport(overall, now, checks);
    }

    @Override
    public synchronized List<MemberCard> memberCards() {
        List<MemberCard> list = new ArrayList<>();
        cards.forEach((code, card) -> list.add(new MemberCard(
                code, card.disabled, false, code.equals("100150") ? Duration.ofMinutes(35) : Duration.ZERO)));
        return list;
    }

    @Override
    public synchronized NewMemberCard createMemberCard() {
        String code = String.valueOf(nextCode++);
        String pin = String.format("%04d", (nextCode * 7919) % 10000);
        cards.put(code, new Card(pin, null));
        return new NewMemberCard(code, pin);
    }

    @Override
    public synchronized String resetMemberPin(String cardCode) {
        Card card = cards.get(cardCode);
        String pin = String.format("%04d", (cardCode.hashCode() & 0x7fff) % 10000);
        if (card != null) {
            card.pin = pin;
        }
        return pin;
    }

    @Override
    public synchronized void disableMemberCard(String cardCode) {
        Card card = cards.get(cardCode);
        if (card != null) {
            card.disabled = true;
        }
    }

    @Override
    public synchronized Notices notices() throws AgentRefusedException {
        HelpState help = helpCalled == null
                ? HelpState.NONE
                : clock.instant().isBefore(helpCalled.plus(DEMO_MENTOR_DELAY)) ? HelpState.CALLED : HelpState.SEEN;
        if (sessionStarted == null) {
            return new Notices(PcMode.FREE, null, null, null, false, help, 0, null);
        }
        Duration left = heartbeat();
        int grace = !graceTaken && left.compareTo(GRACE_WINDOW) <= 0 ? (int) GRACE.toMinutes() : 0;
        return new Notices(PcMode.IN_SESSION, null, null, null, false, help, grace, left.toSeconds());
    }

    @Override
    public void acknowledgeNotice(String messageId) {
        LOG.info("demo agent: message {} read", messageId);
    }

    @Override
    public synchronized HelpState callHelp() {
        if (helpCalled == null) {
            helpCalled = clock.instant();
        }
        return HelpState.CALLED;
    }

    @Override
    public synchronized Duration takeGrace() throws AgentRefusedException {
        if (sessionStarted == null || graceTaken) {
            throw new AgentRefusedException(ErrorCodes.NOT_ALLOWED, "one grace block per session");
        }
        graceTaken = true;
        sessionAllowed = sessionAllowed.plus(GRACE);
        return heartbeat();
    }

    @Override
    public void approveSession() {
        LOG.info("demo agent: staff approved one session");
    }

    @Override
    public void close() {
        // nothing held
    }

    private static final class Card {
        private String pin;
        private Demographics demographics;
        private boolean disabled;

        Card(String pin, Demographics demographics) {
            this.pin = pin;
            this.demographics = demographics;
        }
    }
}
