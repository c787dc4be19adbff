package bg.digiclub.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import bg.digiclub.collector.CollectorMain;
import bg.digiclub.testsupport.TestPostgres;

/**
 * The PostgreSQL password comes from a file, not from the command line where every account of the
 * server reads it ({@code ps}). Against a real PostgreSQL that asks the collector's role for its
 * password (scram-sha-256), as a municipality's server does.
 */
class DatabasePasswordFileTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path dir;

    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startServerThatAsksForPasswords() throws Exception {
        server = TestPostgres.startAskingForPasswords(dir);
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE digiclub LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE digiclub OWNER digiclub");
        }
        url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/digiclub?user=digiclub";
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private record Run(int status, String out, String err) {}

    private static Run collector(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(CollectorMain.class);
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int status = cli.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void thePasswordFromAFileOpensTheDatabaseAndNothingElseIsNeeded() throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), PASSWORD + "\n");
        Run run = collector(
                "club",
                "add",
                "--db-url",
                url,
                "--db-password-file",
                file.toString(),
                "--id",
                "sz-rodina-1860",
                "--name",
                "НЧ „Родина – 1860“",
                "--place",
                "Стара Загора");
        assertEquals(new Run(0, "club sz-rodina-1860 saved", ""), run);
    }

    @Test
    void withoutThePasswordTheServerRefuses() {
        Run run = collector("club", "list", "--db-url", url);
        assertNotEquals(0, run.status(), run.out());
        assertTrue(run.err().contains("password"), "the server asked for the password: " + run.err());
    }

    @Test
    void aWrongOrEmptyFileIsNamedAndAPasswordInTheUrlIsWarnedAbout() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Run run = collector("club", "list", "--db-url", url, "--db-password-file", empty.toString());
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("--db-password-file " + empty + ": the first line is empty"), run.err());
        Run missing = collector(
                "club",
                "list",
                "--db-url",
                url,
                "--db-password-file",
                dir.resolve("nope").toString());
        assertTrue(
                missing.err().contains("--db-password-file " + dir.resolve("nope") + ": cannot be read"),
                missing.err());

        Run inUrl = collector("club", "list", "--db-url", url + "&password=" + PASSWORD.replace(" ", "%20"));
        assertEquals(0, inUrl.status(), inUrl.err());
        assertTrue(
                inUrl.err().contains("warning: --db-url holds a password, which every account on this server can read"),
                inUrl.err());
    }

    @Test
    void theUrlAndThePasswordInTheConfigFileOpenTheDatabaseWithNothingOnTheCommandLine() throws Exception {
        Path config = Files.writeString(
                dir.resolve("collector.properties"), "db.url = " + url + "\ndb.password = " + PASSWORD + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Run run = collector(
                "club",
                "add",
                "--config",
                config.toString(),
                "--id",
                "sz-prosveta",
                "--name",
                "НЧ „Просвета“",
                "--place",
                "Стара Загора");
        assertEquals(new Run(0, "club sz-prosveta saved", ""), run);

        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Run readable = collector("club", "list", "--config", config.toString());
        assertEquals(0, readable.status(), readable.err());
        assertTrue(
                readable.err().contains("warning: " + config + " holds db.password and other accounts can read it"),
                readable.err());
    }
}
