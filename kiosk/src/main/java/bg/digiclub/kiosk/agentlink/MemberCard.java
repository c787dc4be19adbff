package bg.digiclub.kiosk.agentlink;

import java.time.Duration;

/** A member card as the staff panel lists it: no names, only the code and its state. */
public record MemberCard(String code, boolean disabled, boolean locked, Duration usedToday) {}
