package bg.digiclub.agent.usage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** The parts of a batch's envelope that come from the enrolment and the period, not from the outbox. */
record Envelope(UUID deviceId, String clubId, String agentVersion, ZoneId zone, Instant periodFrom, Instant periodTo) {
    Envelope {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(clubId, "clubId");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
    }
}
