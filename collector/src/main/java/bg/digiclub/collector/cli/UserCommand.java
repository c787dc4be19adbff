package bg.digiclub.collector.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.auth.UserStore;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.support.secret.SlowHash;

/** {@code user add|remove}: dashboard accounts. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Dashboard accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class})
public final class UserCommand {
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Create an account or reset its password. Without --password-stdin a password is generated and printed.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--role", required = true, description = "MUNICIPALITY (all clubs) or CLUB_STAFF (one club).")
        Role role;

        @Option(names = "--club", description = "The club of a CLUB_STAFF account.")
        String club;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            if ((role == Role.CLUB_STAFF) != (club != null)) {
                throw new ParameterException(spec.commandLine(), "--club is required for CLUB_STAFF and only for it");
            }
            String password;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.length() < 10) {
                    throw new ParameterException(spec.commandLine(), "the password must have at least 10 characters");
                }
            } else {
                password = new Secrets().newPassword();
            }
            try (Database db = database.open()) {
                if (club != null && new ClubStore(db).club(club).isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--club: no club " + club);
                }
                new UserStore(db, new SlowHash(UserStore.DEFAULT_PASSWORD_ITERATIONS))
                        .save(new User(username, role, club), password.toCharArray(), Instant.now());
            }
            System.out.println(
                    passwordStdin
                            ? "user " + username + " saved"
                            : "user " + username + " saved; password: " + password);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an account.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--username", required = true)
        String username;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                boolean removed = new UserStore(db, new SlowHash(SlowHash.MIN_ITERATIONS)).delete(username);
                System.out.println(removed ? "user " + username + " removed" : "no user " + username);
                return removed ? 0 : 1;
            }
        }
    }
}
