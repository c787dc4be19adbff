package bg.digiclub.collector.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.TileCategoryCount;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * Plausible batches of one club PC: open on weekdays 9-18 and Saturday mornings, most visitors
 * older and declaring their age, a few member cards. Deterministic for a given {@link Random}.
 */
public final class SyntheticBatches {
    /** The bands today's kiosks offer: demo data is what an upgraded club sends. */
    private static final List<AgeBand> BANDS = AgeBand.offered();

    private static final Sex[] SEXES = Sex.values();
    /** Relative weight of each age band (in {@link #BANDS} order) among visitors. */
    private static final int[] BAND_WEIGHT = {2, 3, 2, 10, 14, 18, 8, 6};

    private final Random random;
    private final String agentVersion;

    public SyntheticBatches(Random random, String agentVersion) {
        this.random = random;
        this.agentVersion = agentVersion;
    }

    /** A usage batch for {@code days} whole local days from {@code first}. */
    public Batch usage(
            UUID deviceId, String clubId, ZoneId zone, LocalDate first, int days, long sequence, double busyness) {
        List<HourUsage> hours = new ArrayList<>();
        List<DayUsage> dayUsages = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            int[] open = openHours(day.getDayOfWeek());
            int daySessions = 0;
            int dayMembers = 0;
            int carry = 0;
            for (int h = open[0]; h < open[1]; h++) {
                int started = poisson(1.2 * busyness);
                int members = 0;
                for (int i = 0; i < started; i++) {
                    members += random.nextInt(10) < 4 ? 1 : 0;
                }
                int minutes = Math.min(60, carry + started * (15 + random.nextInt(30)));
                carry = Math.max(0, carry + started * 25 - 60) / 2;
                Instant hour = ZonedDateTime.of(day, LocalTime.of(h, 0), zone).toInstant();
                hours.add(new HourUsage(hour, started, started - members, members, minutes, 60));
                daySessions += started;
                dayMembers += members;
            }
            if (open[1] > open[0] || daySessions > 0) {
                dayUsages.add(new DayUsage(
                        day,
                        demographics(daySessions),
                        Math.min(dayMembers, (int) Math.ceil(dayMembers * 0.8)),
                        tileCategories(daySessions)));
            }
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = first.plusDays(days).atStartOfDay(zone).toInstant();
        return Batch.usage(
                UUID.randomUUID(),
                deviceId,
                clubId,
                agentVersion,
                zone.getId(),
                from,
                to,
                sequence,
                Evictions.NONE,
                new UsagePayload(hours, dayUsages));
    }

    /**
     * Sessions that opened a tile of each category: fixed shares of the day's sessions (no draws
     * from {@link #random}, so the rest of the demo stays as it was), a session often in two.
     */
    private static List<TileCategoryCount> tileCategories(int daySessions) {
        List<TileCategoryCount> counts = new ArrayList<>();
        int[] percent = {35, 10, 15, 20, 30, 10, 45};
        for (TileCategory category : TileCategory.values()) {
            int sessions = daySessions * percent[category.ordinal()] / 100;
            if (sessions > 0) {
                counts.add(new TileCategoryCount(category, sessions));
            }
        }
        return counts;
    }

    /**
     * A health batch for one local day: snapshots every 15 minutes while the PC was on (at most
     * {@code maxSnapshots}) and that day's summary.
     */
    public Batch health(
            UUID deviceId,
            String clubId,
            ZoneId zone,
            LocalDate day,
            long sequence,
            int maxSnapshots,
            boolean troubled) {
        int[] open = openHours(day.getDayOfWeek());
        int start = open[1] > open[0] ? open[0] : 10;
        int end = open[1] > open[0] ? open[1] : 11;
        Instant from = ZonedDateTime.of(day, LocalTime.of(start, 0), zone).toInstant();
        Instant to = ZonedDateTime.of(day, LocalTime.of(end, 0), zone).toInstant();
        List<HealthSnapshot> snapshots = new ArrayList<>();
        HealthStatus worstDisk = HealthStatus.OK;
        HealthStatus worstTemp = HealthStatus.OK;
        int alerts = 0;
        HealthStatus previous = HealthStatus.OK;
        for (Instant at = from;
                at.isBefore(to) && snapshots.size() < maxSnapshots;
                at = at.plus(Duration.ofMinutes(15))) {
            HealthStatus disk = troubled ? HealthStatus.WARN : HealthStatus.OK;
            HealthStatus temp = troubled && random.nextInt(8) == 0 ? HealthStatus.CRIT : HealthStatus.OK;
            HealthStatus overall = disk.worst(temp);
            if (overall != previous && overall != HealthStatus.OK) {
                alerts++;
            }
            previous = overall;
            worstDisk = worstDisk.worst(disk);
            worstTemp = worstTemp.worst(temp);
            snapshots.add(new HealthSnapshot(
                    at,
                    overall,
                    List.of(
                            new CheckStatus("disk:/", disk),
                            new CheckStatus("cpu-temperature", temp),
                            new CheckStatus("memory", HealthStatus.OK))));
        }
        HealthDay summary = new HealthDay(
                day,
                List.of(
                        new CheckStatus("disk:/", worstDisk),
                        new CheckStatus("cpu-temperature", worstTemp),
                        new CheckStatus("memory", HealthStatus.OK)),
                troubled ? 6.5 + random.nextInt(3) : 40.0 + random.nextInt(40),
                troubled ? 88.0 : 50.0 + random.nextInt(15),
                alerts,
                (end - start) * 60);
        return Batch.health(
                UUID.randomUUID(),
                deviceId,
                clubId,
                agentVersion,
                zone.getId(),
                from,
                to,
                sequence,
                Evictions.NONE,
                new HealthPayload(snapshots, List.of(summary)));
    }

    private static int[] openHours(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> new int[] {10, 14};
            case SUNDAY -> new int[] {0, 0};
            default -> new int[] {9, 18};
        };
    }

    private List<DemographicCount> demographics(int sessions) {
        Map<AgeBand, int[]> cells = new EnumMap<>(AgeBand.class);
        int totalWeight = 0;
        for (int w : BAND_WEIGHT) {
            totalWeight += w;
        }
        for (int i = 0; i < sessions; i++) {
            int pick = random.nextInt(totalWeight);
            int band = 0;
            while (pick >= BAND_WEIGHT[band]) {
                pick -= BAND_WEIGHT[band++];
            }
            AgeBand ageBand = BANDS.get(band);
            int sex =
                    ageBand == AgeBand.NOT_DECLARED ? 2 : random.nextInt(20) == 0 ? 2 : random.nextInt(10) < 6 ? 0 : 1;
            cells.computeIfAbsent(ageBand, k -> new int[SEXES.length])[sex]++;
        }
        List<DemographicCount> counts = new ArrayList<>();
        cells.forEach((band, bySex) -> {
            for (int s = 0; s < bySex.length; s++) {
                if (bySex[s] > 0) {
                    counts.add(new DemographicCount(band, SEXES[s], bySex[s]));
                }
            }
        });
        return counts;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
