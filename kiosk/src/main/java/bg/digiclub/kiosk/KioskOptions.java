package bg.digiclub.kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import bg.digiclub.common.ProgramVersion;

/**
 * The kiosk's command line. Read by hand, not with picocli as the agent's and the collector's are:
 * picocli's classes cost the kiosk's cold start about 90 ms (measured: parsing these options with
 * it took 93 ms in a fresh JVM), on the way to a lock screen that takes 0.6-0.8 s; {@code --help}
 * and {@code --version} answer the same way.
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
public record KioskOptions(
        boolean demo,
        boolean fullscreen,
        Optional<Path> config,
        Optional<Duration> demoSession,
        boolean realAgent,
        boolean reportReady,
        boolean exitWhenReady,
        boolean standby) {

    static final String USAGE = """
            usage: digiclub-kiosk [--config FILE] [--demo [--fullscreen] [--demo-session-seconds N] [--real-agent]]
                                  [--report-ready] [--exit-when-ready] [--standby]
                   digiclub-kiosk --help | --version
            The DigiClub kiosk: the club PC's lock screen, sessions and staff panel.
              --config FILE               kiosk settings (see kiosk/config/kiosk.example.properties);
                                          default /etc/digiclub/kiosk.properties if it exists
              --demo                      windowed, Escape closes it; a demo agent (staff PIN 1234) that resets nothing
              --fullscreen                with --demo: fullscreen and locked down like the real kiosk
              --demo-session-seconds N    with --demo: guest sessions last N seconds (to see the warnings)
              --real-agent                with --demo: use the agent at agent.socket (its visitor.* settings decide the reset)
              --report-ready              print "kiosk-ready" with timings when the lock screen is first shown
              --exit-when-ready           exit once the lock screen is shown (for -XX:ArchiveClassesAtExit)
              --standby                   build the lock screen, show it only when "show" is read on standard input
              -h, --help                  print this and exit
              -V, --version               print the kiosk's version and exit
            """;

    /**
     * What to print instead of starting, when the arguments ask for {@code --help} or
     * {@code --version} (wherever they stand, as picocli's standard options behave).
     */
    public static Optional<String> informationAsked(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.of(USAGE);
            }
            if (arg.equals("--version") || arg.equals("-V")) {
                return Optional.of(ProgramVersion.of("DigiClub kiosk", KioskOptions.class) + System.lineSeparator());
            }
        }
        return Optional.empty();
    }

    /** Parses the arguments; a wrong one throws with a message naming it. */
    public static KioskOptions parse(String... args) {
        boolean demo = false;
        boolean fullscreen = false;
        boolean reportReady = false;
        boolean exitWhenReady = false;
        boolean realAgent = false;
        boolean standby = false;
        Path config = null;
        Duration demoSession = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--demo" -> demo = true;
                case "--fullscreen" -> fullscreen = true;
                case "--report-ready" -> reportReady = true;
                case "--exit-when-ready" -> exitWhenReady = true;
                case "--real-agent" -> realAgent = true;
                case "--standby" -> standby = true;
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--demo-session-seconds" -> demoSession = Duration.ofSeconds(seconds(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (!demo && (fullscreen || demoSession != null || realAgent)) {
            throw new IllegalArgumentException("--fullscreen, --demo-session-seconds and --real-agent need --demo");
        }
        return new KioskOptions(
                demo,
                fullscreen,
                Optional.ofNullable(config),
                Optional.ofNullable(demoSession),
                realAgent,
                reportReady,
                exitWhenReady,
                standby);
    }

    /** True when the main window is locked down (the real kiosk, or a fullscreen demo). */
    public boolean lockedDown() {
        return !demo || fullscreen;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds < 5 || seconds > 86_400) {
                throw new IllegalArgumentException("--demo-session-seconds must be from 5 to 86400, was " + seconds);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--demo-session-seconds needs a whole number, was '" + text + "'", e);
        }
    }
}
