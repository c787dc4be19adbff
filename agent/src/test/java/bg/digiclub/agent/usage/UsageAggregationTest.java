package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

class UsageAggregationTest {
    private static final Instant H8 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration SAMPLE = Duration.ofSeconds(30);

    @Test
    void aSessionOverAnHourBoundaryIsCountedWhereItStartedAndItsMinutesSplit() {
        FakeLedger ledger = new FakeLedger()
                .guest(Instant.parse("2026-11-24T08:40:10Z"), Duration.ofMinutes(50), AgeBand.AGE_65_74, Sex.FEMALE);
        List<HourTotals> hours =
                UsageAggregation.hours(H8, H8.plus(Duration.ofHours(3)), ledger.all(), List.of(), SAMPLE);
        assertEquals(
                List.of(new HourTotals(H8, 1, 0, 20, 0), new HourTotals(H8.plus(Duration.ofHours(1)), 0, 0, 30, 0)),
                hours,
                "empty hours are left out");
    }

    @Test
    void guestAndMemberSessionsAreCountedApartAndOverlapsCountOnce() {
        FakeLedger ledger = new FakeLedger()
                .guest(
                        Instant.parse("2026-11-24T08:05:00Z"),
                        Duration.ofMinutes(20),
                        AgeBand.NOT_DECLARED,
                        Sex.NOT_DECLARED)
                .member(
                        "M-1001",
                        Instant.parse("2026-11-24T08:20:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_30_54,
                        Sex.MALE)
                .member(
                        "M-1001",
                        Instant.parse("2026-11-24T08:40:00Z"),
                        Duration.ofMinutes(10),
                        AgeBand.AGE_30_54,
                        Sex.MALE);
        HourTotals h = UsageAggregation.hours(H8, H8.plus(Duration.ofHours(1)), ledger.all(), List.of(), SAMPLE)
                .get(0);
        assertEquals(1, h.guestSessions());
        assertEquals(2, h.memberSessions());
        assertEquals(3, h.sessionsStarted());
        assertEquals(45, h.sessionMinutes(), "08:05-08:50, the overlapping sessions counted once");
    }

    @Test
    void poweredOnMinutesComeFromSamplePresence() {
        List<Instant> samples = new java.util.ArrayList<>();
        // running 08:00:30-08:30:00 every 30 s, then off, then 08:45:30-09:10:00
        for (Instant t = H8.plusSeconds(30); !t.isAfter(H8.plus(Duration.ofMinutes(30))); t = t.plus(SAMPLE)) {
            samples.add(t);
        }
        for (Instant t = H8.plus(Duration.ofMinutes(45)).plusSeconds(30);
                !t.isAfter(H8.plus(Duration.ofMinutes(70)));
                t = t.plus(SAMPLE)) {
            samples.add(t);
        }
        List<HourTotals> hours = UsageAggregation.hours(H8, H8.plus(Duration.ofHours(2)), List.of(), samples, SAMPLE);
        assertEquals(45, hours.get(0).poweredOnMinutes());
        assertEquals(10, hours.get(1).poweredOnMinutes());
        assertEquals(0, hours.get(0).sessionsStarted());
    }

    @Test
    void aDayCountsSessionsByAgeBandAndSexAndDistinctMembersOnly() {
        Instant from = Instant.parse("2026-11-23T22:00:00Z");
        Instant to = Instant.parse("2026-11-24T22:00:00Z");
        FakeLedger ledger = new FakeLedger()
                .guest(Instant.parse("2026-11-23T21:50:00Z"), Duration.ofMinutes(30), AgeBand.AGE_16_17, Sex.MALE)
                .guest(
                        Instant.parse("2026-11-24T07:03:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.NOT_DECLARED,
                        Sex.NOT_DECLARED)
                .guest(
                        Instant.parse("2026-11-24T09:03:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.NOT_DECLARED,
                        Sex.NOT_DECLARED)
                .member(
                        "M-1001",
                        Instant.parse("2026-11-24T10:03:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE)
                .member(
                        "M-1001",
                        Instant.parse("2026-11-24T12:03:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE)
                .member(
                        "M-2002",
                        Instant.parse("2026-11-24T13:03:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_55_64,
                        Sex.MALE);
        DayTotals day = UsageAggregation.day(LocalDate.of(2026, 11, 24), from, to, ledger.all());
        assertEquals(
                Map.of(
                        Demographics.NOT_DECLARED,
                        2,
                        new Demographics(AgeBand.AGE_65_74, Sex.FEMALE),
                        2,
                        new Demographics(AgeBand.AGE_55_64, Sex.MALE),
                        1),
                day.sessions(),
                "the session that started the evening before belongs to the day before");
        assertEquals(2, day.distinctMembers());
        assertEquals(5, day.totalSessions());
    }

    @Test
    void aDayCountsPerTileCategoryTheSessionsStartedThatDayThatUsedIt() {
        LocalDate day = LocalDate.parse("2026-11-24");
        Instant from = Instant.parse("2026-11-23T22:00:00Z");
        Instant to = Instant.parse("2026-11-24T22:00:00Z");
        FakeLedger ledger = new FakeLedger()
                // the night before: its tiles count on the 23rd, where it started
                .guest(
                        Instant.parse("2026-11-23T21:50:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_75_PLUS,
                        Sex.MALE,
                        TileCategory.FAMILY)
                .guest(
                        Instant.parse("2026-11-24T08:05:00Z"),
                        Duration.ofMinutes(40),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE,
                        TileCategory.LEARNING,
                        TileCategory.E_GOVERNMENT)
                .guest(
                        Instant.parse("2026-11-24T09:05:00Z"),
                        Duration.ofMinutes(40),
                        AgeBand.AGE_65_74,
                        Sex.FEMALE,
                        TileCategory.LEARNING)
                .guest(Instant.parse("2026-11-24T10:05:00Z"), Duration.ofMinutes(40), AgeBand.AGE_30_54, Sex.MALE)
                // over midnight into the 25th: counts here, where it started
                .guest(
                        Instant.parse("2026-11-24T21:50:00Z"),
                        Duration.ofMinutes(30),
                        AgeBand.AGE_30_54,
                        Sex.MALE,
                        TileCategory.HEALTH);
        DayTotals totals = UsageAggregation.day(day, from, to, ledger.all());
        assertEquals(4, totals.totalSessions());
        assertEquals(
                Map.of(TileCategory.LEARNING, 2, TileCategory.E_GOVERNMENT, 1, TileCategory.HEALTH, 1),
                totals.tileCategories());
    }

    @Test
    void aDayIsCompleteOnlyWhenEverySessionStartedOnItHasEnded() {
        Instant from = Instant.parse("2026-11-23T22:00:00Z");
        Instant to = Instant.parse("2026-11-24T22:00:00Z");
        FakeLedger ledger = new FakeLedger()
                .running(Instant.parse("2026-11-23T21:50:00Z"), Duration.ofMinutes(5), AgeBand.AGE_30_54, Sex.MALE)
                .guest(Instant.parse("2026-11-24T21:50:00Z"), Duration.ofMinutes(30), AgeBand.AGE_30_54, Sex.MALE);
        assertEquals(
                false,
                UsageAggregation.sessionStillRunning(from, to, ledger.all()),
                "a session still running from the day before holds back that day, not this one");
        ledger.running(Instant.parse("2026-11-24T21:55:00Z"), Duration.ofMinutes(10), AgeBand.AGE_30_54, Sex.MALE);
        assertEquals(true, UsageAggregation.sessionStillRunning(from, to, ledger.all()));
    }

    @Test
    void aMinuteCountIsRoundedAndNeverOver60() {
        FakeLedger ledger = new FakeLedger()
                .guest(H8.minus(Duration.ofMinutes(5)), Duration.ofHours(2), AgeBand.NOT_DECLARED, Sex.NOT_DECLARED)
                .guest(H8.plusSeconds(89), Duration.ofSeconds(10), AgeBand.NOT_DECLARED, Sex.NOT_DECLARED);
        HourTotals h = UsageAggregation.hours(H8, H8.plus(Duration.ofHours(1)), ledger.all(), List.of(), SAMPLE)
                .get(0);
        assertEquals(60, h.sessionMinutes());
        assertEquals(1, h.sessionsStarted());
    }
}
