package bg.digiclub.collector.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The device a bearer token belongs to, with what intake needs to know about it and its club.
 *
 * @param enrolledAt when the device was first enrolled (a re-enrolment keeps it): intake refuses
 *                   periods before it
 */
public record DeviceIdentity(UUID deviceId, String clubId, ZoneId clubTimeZone, boolean revoked, Instant enrolledAt) {}
