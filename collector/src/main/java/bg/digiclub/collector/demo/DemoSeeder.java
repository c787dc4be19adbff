package bg.digiclub.collector.demo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.store.BatchStore;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.DeviceIdentity;
import bg.digiclub.collector.store.Enrolled;
import bg.digiclub.collector.store.StoreOutcome;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.StrictJson;

/**
 * Fills a collector database with clubs, enrolled PCs and their daily usage and health batches,
 * stored through {@link BatchStore} exactly as uploads are, in groups as a busy collector stores them.
 */
public final class DemoSeeder {
    private static final int GROUP = 64;
    /** A seeded PC. */
    public record SeededDevice(DeviceIdentity identity, DemoClub club, int number) {}

    private final Database database;
    private final Clock clock;
    private final ClubStore clubs;
    private final BatchStore batches;
    private final ObjectMapper json = StrictJson.mapper();
    private final Secrets secrets = new Secrets();

    public DemoSeeder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.clubs = new ClubStore(database);
        this.batches = new BatchStore(database, clock, json);
    }

    /** Saves the clubs and enrols their PCs; returns every PC. */
    public List<SeededDevice> enrol(List<DemoClub> demoClubs) throws SQLException {
        Instant now = clock.instant();
        List<SeededDevice> devices = new ArrayList<>();
        for (DemoClub demo : demoClubs) {
            clubs.saveClub(demo.club(), now);
            String code = secrets.newEnrolmentCode();
            clubs.addEnrolmentCode(
                    demo.club().id(), Secrets.hashCode(code), now.plus(Duration.ofHours(1)), demo.pcs(), now);
            for (int i = 0; i < demo.pcs(); i++) {
                Enrolled enrolled = clubs.enrol(
                                Secrets.hashCode(code), Secrets.hashToken(secrets.newToken()), "0.1.0", null, now)
                        .orElseThrow();
                devices.add(new SeededDevice(
                        new DeviceIdentity(
                                enrolled.deviceId(),
                                demo.club().id(),
                                demo.club().timeZone(),
                                false,
                                now),
                        demo,
                        enrolled.deviceNumber()));
            }
        }
        return devices;
    }

    /**
     * Stores {@code days} days of usage (one batch per device and day, or per {@code daysPerBatch})
     * up to yesterday, and health for the last {@code healthDays} days.
     *
     * @return batches stored
     */
    public long seed(List<SeededDevice> devices, int days, int daysPerBatch, int healthDays, long seed)
            throws SQLException {
        Random random = new Random(seed);
        SyntheticBatches synthetic = new SyntheticBatches(random, "0.1.0");
        LocalDate today = LocalDate.now(clock.withZone(DemoClubs.SOFIA));
        LocalDate first = today.minusDays(days);
        List<BatchStore.Delivery> group = new ArrayList<>();
        long stored = 0;
        for (SeededDevice device : devices) {
            long sequence = 1;
            // villages are quieter than the city; the last PC of every third club has a nearly
            // full disk and runs hot
            double busyness = device.club().club().place().startsWith("с.") ? 0.6 : 1.0;
            boolean troubled = device.number() == device.club().pcs() && clubIndex(devices, device) % 3 == 0;
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(daysPerBatch)) {
                int span = (int) Math.min(daysPerBatch, today.toEpochDay() - day.toEpochDay());
                stored += add(
                        group,
                        synthetic.usage(
                                device.identity().deviceId(),
                                device.identity().clubId(),
                                device.identity().clubTimeZone(),
                                day,
                                span,
                                sequence++,
                                busyness),
                        device);
            }
            for (LocalDate day = today.minusDays(healthDays); day.isBefore(today); day = day.plusDays(1)) {
                stored += add(
                        group,
                        synthetic.health(
                                device.identity().deviceId(),
                                device.identity().clubId(),
                                device.identity().clubTimeZone(),
                                day,
                                sequence++,
                                96,
                                troubled),
                        device);
            }
        }
        return stored + store(group);
    }

    private static int clubIndex(List<SeededDevice> devices, SeededDevice device) {
        return (int) devices.stream()
                .map(d -> d.club().club().id())
                .distinct()
                .takeWhile(id -> !id.equals(device.club().club().id()))
                .count();
    }

    /** Adds a batch to the group, and stores the group when it is full; the batches stored. */
    private int add(List<BatchStore.Delivery> group, Batch batch, SeededDevice device) throws SQLException {
        group.add(new BatchStore.Delivery(batch, Secrets.sha256(writeBytes(batch)), device.identity()));
        return group.size() == GROUP ? store(group) : 0;
    }

    private int store(List<BatchStore.Delivery> group) throws SQLException {
        for (StoreOutcome outcome : batches.storeTogether(group)) {
            if (!(outcome instanceof StoreOutcome.Stored)) {
                throw new IllegalStateException("demo batch not stored: " + outcome);
            }
        }
        int stored = group.size();
        group.clear();
        return stored;
    }

    private byte[] writeBytes(Batch batch) {
        try {
            return json.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Database database() {
        return database;
    }
}
