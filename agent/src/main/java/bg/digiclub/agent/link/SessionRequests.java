package bg.digiclub.agent.link;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionRefusedException;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.AppLaunch;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MaintenanceRequest;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.OpenSession;
import bg.digiclub.common.link.wire.SessionEnded;
import bg.digiclub.common.link.wire.SessionExtend;
import bg.digiclub.common.link.wire.SessionGranted;
import bg.digiclub.common.link.wire.SessionTime;

/**
 * {@code session.*}, {@code maintenance.*} and {@code app.launch}: checks who asks (a staff
 * token, a member's login ticket) and hands the rest to the {@link SessionAuthority}.
 */
final class SessionRequests {
    /** An X display on this PC: {@code :0} or {@code :0.0}; nothing remote. */
    private static final Pattern X_DISPLAY = Pattern.compile(":[0-9]{1,3}(\\.[0-9]{1,2})?");

    private final SessionAuthority sessions;
    private final StaffTokens staffTokens;
    private final MemberTickets memberTickets;

    SessionRequests(SessionAuthority sessions, StaffTokens staffTokens, MemberTickets memberTickets) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.staffTokens = Objects.requireNonNull(staffTokens, "staffTokens");
        this.memberTickets = Objects.requireNonNull(memberTickets, "memberTickets");
    }

    void register(RequestDispatcher.Builder builder) {
        builder.on(MessageTypes.SESSION_START, body -> start(body.as(SessionStart.class)));
        builder.on(MessageTypes.SESSION_HEARTBEAT, body -> {
            SessionHeartbeat heartbeat = body.as(SessionHeartbeat.class);
            return new SessionTime(refusals(() -> sessions.heartbeat(heartbeat.sessionId(), heartbeat.secret()))
                    .toSeconds());
        });
        builder.on(MessageTypes.SESSION_END, body -> {
            SessionEnd end = body.as(SessionEnd.class);
            if (end.reason() == EndReason.STAFF) {
                staffTokens.require(end.staffToken());
            }
            return new SessionEnded(refusals(() -> sessions.end(end.sessionId(), end.secret(), end.reason())));
        });
        builder.on(
                MessageTypes.SESSION_OPEN, body -> new OpenSession(sessions.sessionOpen(), sessions.lastResetFailed()));
        builder.on(MessageTypes.SESSION_EXTEND, body -> {
            SessionExtend extend = body.as(SessionExtend.class);
            staffTokens.require(extend.staffToken());
            return new SessionTime(
                    refusals(() -> sessions.extend(extend.sessionId(), Duration.ofMinutes(extend.minutes())))
                            .toSeconds());
        });
        builder.on(MessageTypes.MAINTENANCE_START, body -> {
            MaintenanceRequest request = body.as(MaintenanceRequest.class);
            staffTokens.require(request.staffToken());
            refusals(() -> {
                sessions.startMaintenance(Duration.ofMinutes(request.minutes()));
                return null;
            });
            return Map.of();
        });
        // locking again is always allowed: it only ends maintenance and the programs started in it
        builder.on(MessageTypes.MAINTENANCE_END, body -> {
            sessions.endMaintenance();
            return Map.of();
        });
        builder.on(MessageTypes.APP_LAUNCH, body -> launch(body.as(AppLaunch.class)));
    }

    private SessionGranted start(SessionStart start) throws Exception {
        Duration allowed = Duration.ofMinutes(start.allowedMinutes());
        String memberCode = null;
        if (start.kind() == VisitorKind.MEMBER) {
            MemberTickets.Login login = memberTickets
                    .take(start.memberTicket())
                    .orElseThrow(() -> new LinkException(
                            ErrorCodes.MEMBER_AUTH_REQUIRED,
                            "a member session needs the ticket of a login in the last minutes"));
            memberCode = login.code();
            if (login.allowedNow().compareTo(allowed) < 0) {
                allowed = login.allowedNow();
            }
        }
        String code = memberCode;
        Duration granted = allowed;
        SessionAuthority.Granted g =
                refusals(() -> sessions.start(start.kind(), code, start.demographics(), granted, start.kioskPid()));
        return new SessionGranted(
                g.sessionId(), g.secret(), g.startedAt(), g.remaining().toSeconds());
    }

    private Object launch(AppLaunch launch) throws Exception {
        Map<String, String> env = Map.of();
        if (launch.display() != null) {
            if (!X_DISPLAY.matcher(launch.display()).matches()) {
                throw new LinkException(ErrorCodes.BAD_REQUEST, "display must be a local X display such as :0");
            }
            env = Map.of("DISPLAY", launch.display());
        }
        Map<String, String> displayEnv = env;
        List<String> argv = launch.argv();
        if (launch.staffToken() != null) {
            staffTokens.require(launch.staffToken());
            refusals(() -> {
                sessions.launchForMaintenance(argv, displayEnv);
                return null;
            });
        } else {
            refusals(() -> {
                sessions.launch(launch.sessionId(), launch.secret(), argv, launch.category(), displayEnv);
                return null;
            });
        }
        return Map.of();
    }

    /** Turns the authority's refusal into the link's error with the same code (the room's too). */
    static <T> T refusals(Call<T> call) throws Exception {
        try {
            return call.run();
        } catch (SessionRefusedException e) {
            throw new LinkException(e.code(), e.getMessage());
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }
}
