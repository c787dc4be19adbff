package bg.digiclub.agent.link;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import bg.digiclub.agent.member.MemberStore;
import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.agent.room.ClubRoom;
import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.support.expiry.ExpiringMap.Renewal;
import bg.digiclub.support.expiry.ExpiringTokens;

/** Puts together the dispatcher that answers every request type of the link. */
public final class AgentRequests {
    /** A staff token lives this long after its last use: as long as the kiosk's staff panel stays open without input. */
    public static final Duration DEFAULT_STAFF_TOKEN_TTL = Duration.ofMinutes(2);
    /** A member may declare within this time after logging in. */
    public static final Duration MEMBER_TICKET_TTL = Duration.ofMinutes(10);

    private AgentRequests() {}

    /**
     * @param health the PC's current health; may return null while nothing has been sampled yet
     */
    public static RequestDispatcher dispatcher(
            SessionAuthority sessions,
            MemberStore members,
            StaffPin staffPin,
            Supplier<HealthReport> health,
            Duration staffTokenTtl,
            Clock clock) {
        return dispatcher(sessions, members, staffPin, health, staffTokenTtl, clock, Optional.empty());
    }

    /**
     * As {@link #dispatcher(SessionAuthority, MemberStore, StaffPin, Supplier, Duration, Clock)}, with
     * the club room's requests ({@code pc.notices}, {@code notice.ack}, {@code help.call},
     * {@code session.grace}, {@code session.approve}) when there is a room.
     */
    public static RequestDispatcher dispatcher(
            SessionAuthority sessions,
            MemberStore members,
            StaffPin staffPin,
            Supplier<HealthReport> health,
            Duration staffTokenTtl,
            Clock clock,
            Optional<ClubRoom> room) {
        Objects.requireNonNull(health, "health");
        SecureRandom random = new SecureRandom();
        StaffTokens staffTokens =
                new StaffTokens(new ExpiringTokens<>(clock, staffTokenTtl, Renewal.ON_USE, 16, random));
        MemberTickets memberTickets =
                new MemberTickets(new ExpiringTokens<>(clock, MEMBER_TICKET_TTL, Renewal.NEVER, 64, random));
        RequestDispatcher.Builder builder = RequestDispatcher.builder(LinkJson.mapper());
        new SessionRequests(sessions, staffTokens, memberTickets).register(builder);
        new MemberRequests(members, staffTokens, memberTickets).register(builder);
        new StaffRequests(staffPin, staffTokens).register(builder);
        room.ifPresent(r -> new RoomRequests(r, staffTokens).register(builder));
        builder.on(MessageTypes.HEALTH, body -> {
            HealthReport report = health.get();
            if (report == null) {
                throw new LinkException(
                        ErrorCodes.UNAVAILABLE, "no health report yet; the first sample is still being taken");
            }
            return report;
        });
        return builder.build();
    }
}
