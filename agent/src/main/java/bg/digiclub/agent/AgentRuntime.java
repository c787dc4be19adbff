package bg.digiclub.agent;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.check.HealthEvaluator;
import bg.digiclub.agent.health.sampling.HealthSampler;
import bg.digiclub.agent.health.sampling.OshiHealthSampler;
import bg.digiclub.agent.health.sampling.SamplingTtls;
import bg.digiclub.agent.health.sampling.SamplingWorker;
import bg.digiclub.agent.health.sampling.SmartHealthReader;
import bg.digiclub.agent.health.sampling.SmartHealthSampler;
import bg.digiclub.agent.service.AgentService;
import bg.digiclub.agent.service.HealthMonitor;
import bg.digiclub.agent.service.InstanceLock;
import bg.digiclub.agent.service.NativeSetup;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.agent.store.Retention;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.common.health.HealthReport;
import oshi.SystemInfo;

/**
 * Where the agent's objects are created and wired together — the one place that knows
 * which implementation serves which part.
 */
public final class AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    private AgentRuntime() {
    }

    /** {@code agent run}: starts the service and blocks until it is stopped. */
    public static int run(AgentConfig config) throws IOException, SQLException, InterruptedException {
        NativeSetup.apply(config.tmpDir());
        ServiceLogging.start(config.logDir());
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(config.dataDir());
        if (lock.isEmpty()) {
            System.err.println("another agent is already running on " + config.dataDir());
            return 1;
        }
        Clock clock = Clock.systemUTC();
        Database db = new DatabaseOpener(config.dataDir(), clock).open();
        SamplingWorker worker = new SamplingWorker(samplerFactory(config, clock), config.sampleTimeout(), clock);
        AlertStore alerts = new AlertStore(db, clock);
        Consumer<HealthReport> publish = HealthMonitor.toStatusFile(new StatusFile(config.dataDir()))
                .andThen(LiveHealthLine::log);
        HealthMonitor monitor = new HealthMonitor(worker, new HealthEvaluator(config.thresholds()),
                new SampleStore(db, clock), alerts, publish);
        AgentService service = new AgentService(monitor, new Retention(db, clock), config.sampleInterval(),
                List.of(lock.get(), db, worker));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "agent-shutdown"));
        LOG.info("data in {}, logs in {}, configuration from {}", config.dataDir(), config.logDir(),
                config.source() == null ? "embedded defaults" : config.source());
        service.start();
        service.awaitStop();
        return 0;
    }

    /**
     * {@code agent status} with no agent running: samples twice, a second apart (CPU load and
     * rates need two readings), and evaluates the second sample. Writes nothing.
     */
    public static HealthReport sampleOnce(AgentConfig config, Clock clock) throws IOException, InterruptedException {
        NativeSetup.apply(config.tmpDir());
        HealthSampler sampler = samplerFactory(config, clock).get();
        sampler.sample();
        Thread.sleep(1_000);
        HealthSample sample = sampler.sample();
        return new HealthEvaluator(config.thresholds()).evaluate(sample).report();
    }

    /** Everything is created inside the factory: it runs on the watched sampling thread. */
    private static Supplier<HealthSampler> samplerFactory(AgentConfig config, Clock clock) {
        return () -> {
            HealthSampler oshi = new OshiHealthSampler(new SystemInfo(), clock, SamplingTtls.DEFAULTS);
            if (!config.smartEnabled()) {
                return oshi;
            }
            return new SmartHealthSampler(oshi, SmartHealthReader.fromPath(clock, SmartHealthReader.DEFAULT_TTL,
                    SmartHealthReader.DEFAULT_COMMAND_TIMEOUT));
        };
    }
}
