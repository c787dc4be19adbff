package bg.digiclub.collector.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.demo.DemoClub;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.support.secret.SlowHash;

/** {@code demo}: the 32 real clubs of Stara Zagora with synthetic usage, and two dashboard logins. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Seed the 32 digital clubs of Stara Zagora with PCs, synthetic usage and health, and demo logins.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(
            names = "--days",
            defaultValue = "90",
            description = "Days of usage up to yesterday (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--password", description = "Password for both demo logins (default: generated and printed).")
    String password;

    @Option(names = "--code-for", description = "Also print an enrolment code for this club id (for a real agent).")
    String codeFor;

    @Override
    public Integer call() throws Exception {
        try (Database db = database.open()) {
            if (!new ClubStore(db).clubs().isEmpty()) {
                System.err.println("the database already has clubs; demo data goes into an empty one");
                return 1;
            }
            Clock clock = Clock.systemUTC();
            List<DemoClub> clubs = DemoClubs.staraZagora();
            DemoSeeder seeder = new DemoSeeder(db, clock);
            var devices = seeder.enrol(clubs);
            long batches = seeder.seed(devices, days, 1, 7, 20260204L);
            String pass = password != null ? password : new Secrets().newPassword();
            UserStore users = new UserStore(db, new SlowHash(UserStore.DEFAULT_PASSWORD_ITERATIONS));
            users.save(new User("obshtina", Role.MUNICIPALITY, null), pass.toCharArray(), Instant.now());
            users.save(new User("rodina", Role.CLUB_STAFF, "sz-rodina-1860"), pass.toCharArray(), Instant.now());
            System.out.println(clubs.size() + " clubs, " + devices.size() + " PCs, " + batches + " batches stored");
            System.out.println(
                    "dashboard logins: obshtina (all clubs) and rodina (НЧ „Родина – 1860“), password: " + pass);
            if (codeFor != null) {
                String code = new Secrets().newEnrolmentCode();
                new ClubStore(db)
                        .addEnrolmentCode(
                                codeFor,
                                Secrets.hashCode(code),
                                Instant.now().plus(Duration.ofDays(7)),
                                10,
                                Instant.now());
                System.out.println("enrolment code for " + codeFor + ": " + code);
            }
        }
        return 0;
    }
}
