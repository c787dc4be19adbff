package bg.digiclub.collector.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.batch.BatchLimits;

/** {@code club add|list}. */
@Command(
        name = "club",
        mixinStandardHelpOptions = true,
        description = "Manage clubs.",
        subcommands = {ClubCommand.Add.class, ClubCommand.ListClubs.class})
public final class ClubCommand {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a club or update its name and place.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--id", required = true, description = "Stable id: lowercase letters, digits, dashes.")
        String id;

        @Option(names = "--name", required = true, description = "The club's name.")
        String name;

        @Option(names = "--place", required = true, description = "Town or village.")
        String place;

        @Option(names = "--time-zone", defaultValue = "Europe/Sofia", description = "Default: ${DEFAULT-VALUE}.")
        String timeZone;

        @Override
        public Integer call() throws Exception {
            if (!BatchLimits.CLUB_ID.matcher(id).matches()) {
                throw new ParameterException(spec.commandLine(), "--id must match " + BatchLimits.CLUB_ID.pattern());
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--time-zone is not a known zone: " + timeZone);
            }
            try (Database db = database.open()) {
                new ClubStore(db).saveClub(new Club(id, name, place, zone), Instant.now());
            }
            System.out.println("club " + id + " saved");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List clubs.")
    static final class ListClubs implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                for (Club club : new ClubStore(db).clubs()) {
                    System.out.println(club.id() + "\t" + club.name() + "\t" + club.place());
                }
            }
            return 0;
        }
    }
}
