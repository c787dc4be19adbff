package bg.digiclub.collector.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import bg.digiclub.collector.api.ApiToken;
import bg.digiclub.collector.api.ApiTokens;
import bg.digiclub.collector.api.NewApiToken;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Database;

/** {@code token create|list|revoke}: the read API's tokens for BI tools (docs/collector.md, "Read API"). */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Tokens of the read API (/api/v1/reports/) for Power Query, Power BI, Grafana.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {
    private static ApiTokens tokens(Database db) {
        return new ApiTokens(db, Clock.systemUTC(), new SecureRandom());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Make a token and print it (once: only its hash is kept).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true, description = "What it is for, e.g. \"Power BI, town hall\".")
        String name;

        @Option(
                names = "--scope",
                required = true,
                description = "municipality (every club) or a club's id (that club only).")
        String scope;

        @Option(names = "--by", description = "Who makes it, as listed (default: cli: and this account's name).")
        String by;

        @Override
        public Integer call() throws Exception {
            ReportScope parsed;
            try {
                parsed = ReportScope.parse(scope);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--scope: " + e.getMessage());
            }
            String createdBy = by != null ? by : "cli:" + System.getProperty("user.name", "unknown");
            NewApiToken made;
            try (Database db = database.open()) {
                made = tokens(db).create(name, parsed, createdBy);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            System.out.println("token " + made.token().id() + " ("
                    + made.token().scopeName() + ") made; " + "it is shown only now:");
            System.out.println(made.secret());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens, revoked ones too.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                System.out.println("id\tscope\tname\tcreated by\tcreated at\tlast used\trevoked at");
                for (ApiToken t : tokens(db).list(ReportScope.municipality())) {
                    System.out.println(String.join(
                            "\t",
                            t.id(),
                            t.scopeName(),
                            t.name(),
                            t.createdBy(),
                            t.createdAt().toString(),
                            t.lastUsedAt() == null ? "-" : t.lastUsedAt().toString(),
                            t.revokedAt() == null ? "-" : t.revokedAt().toString()));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "ID", description = "The token's id, as listed.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                boolean revoked = tokens(db).revoke(id, ReportScope.municipality());
                System.out.println(revoked ? "token " + id + " revoked" : "no active token " + id);
                return revoked ? 0 : 1;
            }
        }
    }
}
