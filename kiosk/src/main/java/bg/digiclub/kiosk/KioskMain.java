package bg.digiclub.kiosk;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.SocketAgentClient;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.demo.DemoAgentClient;
import bg.digiclub.kiosk.demo.DemoPlatform;

/**
 * Entry point of the kiosk: the one place where its objects are made and wired together. A plain
 * class (not an {@link Application}) so that the JavaFX runtime on the class path starts from a
 * runnable jar.
 */
public final class KioskMain {
    /** The file read when no {@code --config} is given, if it exists. */
    static final Path DEFAULT_CONFIG = Path.of("/etc/digiclub/kiosk.properties");

    private static final Logger LOG = LoggerFactory.getLogger(KioskMain.class);

    private KioskMain() {}

    /** Makes the client that talks to this PC's agent. */
    @FunctionalInterface
    public interface AgentClientFactory {
        AgentClient open(KioskConfig config);
    }

    public static void main(String[] args) {
        System.exit(run(args, KioskMain::socketClient));
    }

    /** The agent over its local socket. */
    static AgentClient socketClient(KioskConfig config) {
        return new SocketAgentClient(config.agentSocket());
    }

    /**
     * Parses the arguments, reads the config, builds the parts and runs the kiosk until it exits.
     *
     * @param agents makes the agent client outside demo mode
     * @return the process exit code
     */
    public static int run(String[] args, AgentClientFactory agents) {
        Optional<String> information = KioskOptions.informationAsked(args);
        if (information.isPresent()) {
            System.out.print(information.get());
            return 0;
        }
        KioskOptions options;
        KioskConfig config;
        try {
            options = KioskOptions.parse(args);
            config = loadConfig(options.config());
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("digiclub-kiosk: " + e.getMessage());
            System.err.print(KioskOptions.USAGE);
            return 2;
        }
        if (options.demoSession().isPresent()) {
            config = config.withSessionLength(options.demoSession().get());
        }
        ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-work");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemDefaultZone();
        AgentClient agent = options.demo() && !options.realAgent() ? new DemoAgentClient(clock) : agents.open(config);
        PlatformParts platform;
        try {
            platform = options.demo()
                    ? new PlatformParts(DemoPlatform.idleMonitor(), DemoPlatform.launcher())
                    : PlatformParts.forThisPc(config, options.config().orElse(DEFAULT_CONFIG), agent);
        } catch (RuntimeException e) {
            // the launcher's own config errors name the file and the key
            System.err.println("digiclub-kiosk: " + e.getMessage());
            agent.close();
            return 2;
        }
        KioskParts parts = new KioskParts(
                config,
                !options.lockedDown(),
                agent,
                platform.idleMonitor(),
                platform.launcher(),
                System::nanoTime,
                clock,
                work,
                Platform::runLater,
                () -> ready(options));
        KioskApplication.prepare(
                parts,
                () -> {
                    work.shutdown();
                    try {
                        work.awaitTermination(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    parts.idleMonitor().close();
                    agent.close();
                },
                options.standby());
        Application.launch(KioskApplication.class);
        return 0;
    }

    private static KioskConfig loadConfig(Optional<Path> given) {
        if (given.isPresent()) {
            return KioskConfig.load(given.get());
        }
        if (Files.isRegularFile(DEFAULT_CONFIG)) {
            return KioskConfig.load(DEFAULT_CONFIG);
        }
        LOG.info("no config given and no {}; using the defaults", DEFAULT_CONFIG);
        return KioskConfig.defaults();
    }

    private static void ready(KioskOptions options) {
        if (options.reportReady()) {
            reportReady();
        } else {
            LOG.info("lock screen shown");
        }
        if (options.exitWhenReady()) {
            Platform.exit();
        }
    }

    /** The cold-start benchmark's mark: wall time now and since the JVM started. */
    private static void reportReady() {
        long now = System.currentTimeMillis();
        long sinceStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        // a CLI line, not a log line: the benchmark script reads it
        System.out.println("kiosk-ready epoch-ms=" + now + " since-jvm-start-ms=" + sinceStart);
        System.out.flush();
    }
}
