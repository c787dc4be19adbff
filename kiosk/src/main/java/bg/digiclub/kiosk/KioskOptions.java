package bg.digiclub.kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The kiosk's command line, read by picocli as the agent's and the collector's are ({@code --help},
 * {@code --version}).
 *
 * @param demo           windowed, Escape and close allowed, demo agent (resets nothing) and a launcher that starts nothing
 * @param fullscreen     with {@code --demo}: locked down and fullscreen like the real kiosk (screenshots)
 * @param config         the properties file, if given
 * @param demoSession    with {@code --demo}: a shorter guest session, to see the warnings
 * @param realAgent      with {@code --demo}: talk to the agent at {@code agent.socket} instead of the demo agent
 * @param reportReady    print when the lock screen is first on screen (cold-start benchmark)
 * @param exitWhenReady  exit as soon as the lock screen is shown (to record a class-data archive)
 * @param standby        build everything but show nothing until the line {@code show} arrives on standard
 *                       input (digiclub-supervise keeps one ready to take over from a kiosk that dies);
 *                       end when standard input ends before that
 */
public record KioskOptions(boolean demo, boolean fullscreen, Optional<Path> config, Optional<Duration> demoSession,
                           boolean realAgent, boolean reportReady, boolean exitWhenReady, boolean standby) {

    /**
     * The arguments as picocli reads them; {@link #options()} checks what goes together.
     * {@code --help} and {@code --version} are answered by {@link #commandLine()}'s caller.
     */
    @Command(name = "digiclub-kiosk", mixinStandardHelpOptions = true, versionProvider = KioskVersion.class,
            description = "The DigiClub kiosk: the club PC's lock screen, sessions and staff panel.",
            sortOptions = false)
    static final class Arguments {
        @Option(names = "--config", paramLabel = "FILE", description = "Kiosk settings (see kiosk.example.properties); "
                + "default /etc/digiclub/kiosk.properties if it exists.")
        Path config;

        @Option(names = "--demo", description = "Windowed, Escape closes it; a demo agent (staff PIN 1234) that resets nothing.")
        boolean demo;

        @Option(names = "--fullscreen", description = "With --demo: fullscreen and locked down like the real kiosk.")
        boolean fullscreen;

        @Option(names = "--demo-session-seconds", paramLabel = "N",
                description = "With --demo: guest sessions last N seconds, 5 to 86400 (to see the warnings).")
        Long demoSessionSeconds;

        @Option(names = "--real-agent", description = "With --demo: use the agent at agent.socket (its visitor.* settings decide the reset).")
        boolean realAgent;

        @Option(names = "--report-ready", description = "Print \"kiosk-ready\" with timings when the lock screen is first shown.")
        boolean reportReady;

        @Option(names = "--exit-when-ready", description = "Exit once the lock screen is shown (for -XX:ArchiveClassesAtExit).")
        boolean exitWhenReady;

        @Option(names = "--standby", description = "Build the lock screen; show it only when \"show\" is read on standard input.")
        boolean standby;

        KioskOptions options() {
            if (!demo && (fullscreen || demoSessionSeconds != null || realAgent)) {
                throw new IllegalArgumentException("--fullscreen, --demo-session-seconds and --real-agent need --demo");
            }
            if (demoSessionSeconds != null && (demoSessionSeconds < 5 || demoSessionSeconds > 86_400)) {
                throw new IllegalArgumentException("--demo-session-seconds must be from 5 to 86400, was " + demoSessionSeconds);
            }
            return new KioskOptions(demo, fullscreen, Optional.ofNullable(config),
                    Optional.ofNullable(demoSessionSeconds).map(Duration::ofSeconds), realAgent, reportReady,
                    exitWhenReady, standby);
        }
    }

    /** A command line for the kiosk's arguments: parse with it, answer help and version, then {@link #of}. */
    static CommandLine commandLine() {
        return new CommandLine(new Arguments());
    }

    /** The options a command line parsed. */
    static KioskOptions of(CommandLine parsed) {
        return parsed.<Arguments>getCommand().options();
    }

    /** Parses the arguments; a wrong one throws {@link IllegalArgumentException} with a message naming it. */
    public static KioskOptions parse(String... args) {
        CommandLine cli = commandLine();
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return of(cli);
    }

    /** True when the main window is locked down (the real kiosk, or a fullscreen demo). */
    public boolean lockedDown() {
        return !demo || fullscreen;
    }
}
