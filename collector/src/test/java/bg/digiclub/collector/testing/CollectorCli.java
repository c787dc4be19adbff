package bg.digiclub.collector.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

import bg.digiclub.collector.CollectorMain;

/** The collector's command line run in the test's JVM, as {@code digiclub-collector ARGS} would run it. */
public final class CollectorCli {
    private CollectorCli() {}

    /** Runs the command; returns its exit status, a colon and what it printed (stripped). */
    public static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(CollectorMain.class);
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            int status = cli.execute(args);
            return status + ":" + out.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setOut(original);
        }
    }
}
