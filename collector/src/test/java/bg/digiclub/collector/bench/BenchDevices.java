package bg.digiclub.collector.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.store.Enrolled;
import bg.digiclub.support.secret.SlowHash;

/**
 * The live benchmark's fleet in the database before the collector starts: clubs of a few PCs each,
 * every PC enrolled with its club's code as the enrolment endpoint does it ({@link ClubStore#enrol},
 * the token kept here to connect with), and the municipality's account that issues the commands.
 */
final class BenchDevices {
    static final String USERNAME = "bench-municipality";
    static final String PASSWORD = "live benchmark password";

    private BenchDevices() {}

    /** A PC of the fleet: its device id, club, number in the club and bearer token. */
    record Device(UUID id, String clubId, int number, String token) {
        Device {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(clubId, "clubId");
            Objects.requireNonNull(token, "token");
        }
    }

    /** {@code pcs} PCs in clubs of {@code pcsPerClub} (the last club may have fewer), and the account. */
    static List<Device> enrol(Database db, int pcs, int pcsPerClub) throws SQLException {
        if (pcs < 1 || pcsPerClub < 1) {
            throw new IllegalArgumentException("pcs and pcsPerClub must be at least 1: " + pcs + ", " + pcsPerClub);
        }
        ClubStore clubs = new ClubStore(db);
        Secrets secrets = new Secrets();
        Instant now = Instant.now();
        List<Device> devices = new ArrayList<>(pcs);
        for (int first = 0, k = 1; first < pcs; first += pcsPerClub, k++) {
            int members = Math.min(pcsPerClub, pcs - first);
            Club club =
                    new Club(String.format("bench-club-%04d", k), "Bench club " + k, "Стара Загора", DemoClubs.SOFIA);
            clubs.saveClub(club, now);
            String code = "BENC-H" + String.format("%03d", k % 1000) + "-" + String.format("%04d", k);
            clubs.addEnrolmentCode(club.id(), Secrets.hashCode(code), now.plus(Duration.ofHours(1)), members, now);
            for (int p = 0; p < members; p++) {
                String token = secrets.newToken();
                Enrolled pc = clubs.enrol(Secrets.hashCode(code), Secrets.hashToken(token), "0.1.0", null, now)
                        .orElseThrow(
                                () -> new IllegalStateException("the enrolment code of " + club.id() + " was refused"));
                devices.add(new Device(pc.deviceId(), club.id(), pc.deviceNumber(), token));
            }
        }
        new UserStore(db, new SlowHash(SlowHash.MIN_ITERATIONS))
                .save(new User(USERNAME, Role.MUNICIPALITY, null), PASSWORD.toCharArray(), now);
        return devices;
    }
}
