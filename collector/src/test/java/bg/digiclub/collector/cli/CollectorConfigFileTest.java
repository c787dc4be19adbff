package bg.digiclub.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import bg.digiclub.collector.CollectorMain;
import bg.digiclub.collector.api.ApiAllowance;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * {@code --config FILE} and the {@code DIGICLUB_*} variables carry everything the command line
 * takes; the command line wins over the environment, which wins over the file; a bad value
 * names the file (or the variable) and the key.
 */
class CollectorConfigFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("collector.properties"), text, StandardCharsets.UTF_8);
    }

    private static ServeCommand serve(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    private static ConfigProperties read(Path file, Map<String, String> environment) {
        return DatabaseOptions.read(Optional.of(file), environment);
    }

    @Test
    void everyServeOptionComesFromTheFile() throws Exception {
        Path f = file("""
                server.host = 127.0.0.1
                server.port = 9090
                server.secure-cookies = true
                server.trusted-proxies = 10.0.0.0/8, 192.168.1.5
                server.max-connections-per-address = 64
                server.idle-timeout-seconds = 45
                server.min-request-bytes-per-second = 512
                intake.batches-per-second = 2.5
                intake.burst-batches = 100
                metrics.allowed-addresses = 10.20.0.0/16, 127.0.0.1
                api.requests-per-second = 0.5
                api.burst = 200
                """);
        ServerSettings s = serve().settings(read(f, Map.of()));
        assertEquals(List.of("10.20.0.0/16", "127.0.0.1"), s.metricsAllowedAddresses());
        assertEquals("127.0.0.1", s.host());
        assertEquals(9090, s.port());
        assertTrue(s.secureCookies());
        assertEquals(List.of("10.0.0.0/8", "192.168.1.5"), s.trustedProxies());
        assertEquals(64, s.maxConnectionsPerAddress());
        assertEquals(45, s.idleTimeoutSeconds());
        assertEquals(512, s.minRequestBytesPerSecond());
        assertEquals(2.5, s.batchesPerSecond());
        assertEquals(100, s.batchBurst());
        assertEquals(new ApiAllowance(0.5, 200), s.apiAllowance());
    }

    @Test
    void withoutAFileTheDefaultsAreThoseOfTheCommandLine() {
        ServerSettings s = serve().settings(DatabaseOptions.read(Optional.empty(), Map.of()));
        ServerSettings expected = ServerSettings.defaults(ServeCommand.DEFAULT_HOST, ServeCommand.DEFAULT_PORT)
                .withRate(ServeCommand.DEFAULT_RATE, ServeCommand.DEFAULT_BURST);
        assertEquals(expected, s);
        assertEquals(new ApiAllowance(1, 60), s.apiAllowance());
    }

    @Test
    void theExampleFileIsValidAndHoldsTheDefaults() {
        ConfigProperties c =
                DatabaseOptions.read(Optional.of(Path.of("config/collector.example.properties")), Map.of());
        ServerSettings s = serve().settings(c);
        new DatabaseOptions().settings(c);
        c.rejectUnknownKeys();
        assertEquals(serve().settings(DatabaseOptions.read(Optional.empty(), Map.of())), s);
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path f = file("server.port = 9090\nserver.host = 127.0.0.1\nintake.burst-batches = 100\n");
        ConfigProperties c = read(f, Map.of("DIGICLUB_SERVER_PORT", "9191", "DIGICLUB_INTAKE_BURST_BATCHES", "50"));
        ServerSettings s =
                serve("--port", "9292", "--trusted-proxy", "10.1.1.1").settings(c);
        assertEquals(9292, s.port(), "the command line");
        assertEquals(50, s.batchBurst(), "the environment");
        assertEquals("127.0.0.1", s.host(), "the file");
        assertEquals(List.of("10.1.1.1"), s.trustedProxies());
    }

    @Test
    void aBadValueNamesTheFileOrTheVariableAndTheKey() throws Exception {
        Path f = file("server.port = http\n");
        ConfigException e = assertThrows(
                ConfigException.class, () -> serve("--port", "8081").settings(read(f, Map.of())));
        assertEquals(
                f + ": key 'server.port': must be a whole number from 0 to 65535 (was 'http')",
                e.getMessage(),
                "a bad value in the file is reported even when the command line overrides it");
        ConfigException proxy = assertThrows(
                ConfigException.class,
                () -> serve().settings(read(file("server.trusted-proxies = 10.0.0.0/99\n"), Map.of())));
        assertTrue(proxy.getMessage().startsWith(f + ": key 'server.trusted-proxies': "), proxy.getMessage());
        ConfigException metrics = assertThrows(
                ConfigException.class,
                () -> serve().settings(read(file("metrics.allowed-addresses = prometheus.local\n"), Map.of())));
        assertTrue(metrics.getMessage().startsWith(f + ": key 'metrics.allowed-addresses': "), metrics.getMessage());
        ConfigException rate = assertThrows(
                ConfigException.class, () -> serve().settings(read(file("api.requests-per-second = 0\n"), Map.of())));
        assertEquals(
                f + ": key 'api.requests-per-second': must be between 0.001 and 1000000.0 (was '0')",
                rate.getMessage());
        ConfigException apiBurst =
                assertThrows(ConfigException.class, () -> serve().settings(read(file("api.burst = many\n"), Map.of())));
        assertEquals(
                f + ": key 'api.burst': must be a whole number from 1 to 1000000 (was 'many')", apiBurst.getMessage());
        ConfigException env = assertThrows(
                ConfigException.class,
                () -> serve().settings(read(file(""), Map.of("DIGICLUB_SERVER_IDLE_TIMEOUT_SECONDS", "0"))));
        assertEquals(
                "environment variable DIGICLUB_SERVER_IDLE_TIMEOUT_SECONDS: key 'server.idle-timeout-seconds': "
                        + "must be between 1 and 86400 (was '0')",
                env.getMessage());
    }

    @Test
    void theDatabaseAndItsPasswordComeFromTheFileOrTheEnvironment() throws Exception {
        Path f = file("data-dir = " + dir.resolve("data") + "\n");
        DatabaseOptions options = new DatabaseOptions();
        DatabaseOptions.DatabaseSettings sqlite = options.settings(read(f, Map.of()));
        assertEquals(Database.sqliteUrl(dir.resolve("data")), sqlite.url());
        assertNull(sqlite.password());

        Path postgres = file("db.url = jdbc:postgresql://db.example/digiclub?user=digiclub\ndb.password = s3cret\n");
        assertEquals(
                new DatabaseOptions.DatabaseSettings("jdbc:postgresql://db.example/digiclub?user=digiclub", "s3cret"),
                options.settings(read(postgres, Map.of())));
        Path passwordFile = Files.writeString(dir.resolve("db-password"), "from-the-file\n");
        assertEquals(
                "from-the-file",
                options.settings(read(postgres, Map.of("DIGICLUB_DB_PASSWORD_FILE", passwordFile.toString())))
                        .password(),
                "a password file wins");
        assertEquals(
                "from-the-environment",
                options.settings(read(postgres, Map.of("DIGICLUB_DB_PASSWORD", "from-the-environment")))
                        .password());

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> options.settings(read(file("db.password-file = " + empty + "\n"), Map.of())));
        assertEquals(postgres + ": key 'db.password-file': " + empty + ": the first line is empty", e.getMessage());
    }

    @Test
    void anAdministrationCommandReadsTheFileAndRefusesAMisspeltKey() throws Exception {
        // the example file holds every key of serve: the other commands read the same file and leave them to it
        Path f = file(Files.readString(Path.of("config/collector.example.properties"), StandardCharsets.UTF_8)
                + "\ndata-dir = " + dir.resolve("data") + "\n");
        assertEquals(
                "0:club sz-rodina-1860 saved",
                run(
                        "club",
                        "add",
                        "--config",
                        f.toString(),
                        "--id",
                        "sz-rodina-1860",
                        "--name",
                        "НЧ „Родина – 1860“",
                        "--place",
                        "Стара Загора"));
        assertTrue(Files.exists(dir.resolve("data").resolve("collector.db")), "the data directory of the file");

        Path typo = file("data-dir = " + dir.resolve("data") + "\ndb.ulr = jdbc:postgresql://db/digiclub\n");
        String refused = run("club", "list", "--config", typo.toString());
        assertTrue(refused.startsWith("2:error: " + typo + ": key 'db.ulr': unknown key"), refused);
        assertTrue(
                run("club", "list", "--config", dir.resolve("nope.properties").toString())
                        .contains("nope.properties: configuration file not found"));
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(CollectorMain.class);
            cli.setErr(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cli.setExecutionExceptionHandler((e, command, parsed) -> {
                command.getErr().println("error: " + e.getMessage());
                return 2;
            });
            int status = cli.execute(args);
            return status + ":" + out.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setOut(original);
        }
    }
}
