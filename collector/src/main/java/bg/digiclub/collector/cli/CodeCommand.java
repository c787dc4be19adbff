package bg.digiclub.collector.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/** {@code code create|revoke}: a club's enrolment codes. */
@Command(
        name = "code",
        mixinStandardHelpOptions = true,
        description = "Enrolment codes for a club's PCs.",
        subcommands = {CodeCommand.Create.class, CodeCommand.Revoke.class})
public final class CodeCommand {
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create an enrolment code; it is printed once and only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--club", required = true)
        String club;

        @Option(names = "--valid-days", defaultValue = "7", description = "Default: ${DEFAULT-VALUE}.")
        int validDays;

        @Option(
                names = "--uses",
                defaultValue = "10",
                description = "How many PCs may use it (default: ${DEFAULT-VALUE}).")
        int uses;

        @Override
        public Integer call() throws Exception {
            if (validDays < 1 || uses < 1) {
                throw new ParameterException(spec.commandLine(), "--valid-days and --uses must be at least 1");
            }
            try (Database db = database.open()) {
                ClubStore clubs = new ClubStore(db);
                if (clubs.club(club).isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--club: no club " + club);
                }
                String code = new Secrets().newEnrolmentCode();
                Instant now = Instant.now();
                clubs.addEnrolmentCode(club, Secrets.hashCode(code), now.plus(Duration.ofDays(validDays)), uses, now);
                System.out.println(code);
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke every enrolment code of a club.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--club", required = true)
        String club;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                System.out.println(new ClubStore(db).revokeEnrolmentCodes(club) + " code(s) revoked");
            }
            return 0;
        }
    }
}
