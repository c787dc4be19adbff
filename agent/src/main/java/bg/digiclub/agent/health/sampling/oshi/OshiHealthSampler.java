package bg.digiclub.agent.health.sampling.oshi;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PowerSource;
import oshi.hardware.Sensors;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.sampling.DeviceNames;
import bg.digiclub.agent.health.sampling.DiskCounters;
import bg.digiclub.agent.health.sampling.ExpiringValue;
import bg.digiclub.agent.health.sampling.HealthSampler;
import bg.digiclub.agent.health.sampling.NetworkCounters;
import bg.digiclub.agent.health.sampling.ProcessTable;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;
import bg.digiclub.agent.health.sampling.SamplingTtls;
import bg.digiclub.agent.health.sampling.SystemCounters;
import bg.digiclub.agent.health.sampling.oshi.BatteryFigures.BatteryFacts;
import bg.digiclub.agent.health.sampling.oshi.FileStoreFilter.FileStoreFacts;

/**
 * Samples the PC's health with OSHI. Holds one OSHI entry point ({@link SystemInfoProvider}) and the
 * processor, memory and operating-system objects for its whole life: creating them again would
 * repeat OSHI's start-up work (reading CPU identification, finding sensors) every sample.
 *
 * <p>CPU load and disk/network throughput come from differences to the previous sample (stored
 * CPU ticks and byte counters), so they are absent from the first sample. Lists of file systems,
 * disks and network interfaces, sensor readings, and the process count and top lists are kept for
 * the times in {@link SamplingTtls}.
 * A part of the sample that OSHI fails to read is logged and left out; the rest is still taken.
 *
 * <p>Not thread-safe; see {@link HealthSampler}.
 */
public final class OshiHealthSampler implements HealthSampler {
    /** How many processes each top list holds. */
    public static final int TOP_PROCESSES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(OshiHealthSampler.class);

    private final Clock clock;
    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final ExpiringValue<List<OSFileStore>> fileStores;
    private final ExpiringValue<List<HWDiskStore>> disks;
    private final ExpiringValue<List<NetworkIF>> networkInterfaces;
    private final ExpiringValue<SensorSnapshot> sensors;
    private final ExpiringValue<ProcessListing> processes;
    private final ProcessTable processTable;
    private final DiskCounters diskCounters;
    private final NetworkCounters networkCounters;
    private final SystemCounters systemCounters;
    private final CounterRates diskRates = new CounterRates();
    private final CounterRates networkRates = new CounterRates();
    private final Set<String> failedParts = new HashSet<>();
    private SystemCounters.CpuTime previousCpuTime;
    private Map<Integer, CpuTimes> previousCpuTimes = Map.of();

    private record SensorSnapshot(double cpuTemperature, int[] fanSpeeds, double cpuVoltage) {}

    /** What one listing of the processes gives a sample. */
    private record ProcessListing(int count, List<ProcessUsage> topByCpu, List<ProcessUsage> topByMemory) {}

    /**
     * @param systemInfo the one OSHI entry point of the agent
     * @param clock      gives each sample's time and drives the memoization
     * @param ttls       how long slow query results are kept
     */
    public OshiHealthSampler(SystemInfoProvider systemInfo, Clock clock, SamplingTtls ttls) {
        this(systemInfo, clock, ttls, null);
    }

    /** As above with the given process table; null picks this platform's (see {@link PlatformReaders}). */
    OshiHealthSampler(SystemInfoProvider systemInfo, Clock clock, SamplingTtls ttls, ProcessTable processTable) {
        Objects.requireNonNull(systemInfo, "systemInfo");
        Objects.requireNonNull(ttls, "ttls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hardware = systemInfo.getHardware();
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
        this.os = systemInfo.getOperatingSystem();
        this.fileStores = new ExpiringValue<>(this::queryFileStores, ttls.fileStoreList(), clock);
        this.disks = new ExpiringValue<>(this::queryDisks, ttls.diskList(), clock);
        this.networkInterfaces = new ExpiringValue<>(() -> hardware.getNetworkIFs(false), ttls.networkList(), clock);
        this.sensors = new ExpiringValue<>(this::querySensors, ttls.sensors(), clock);
        this.processes = new ExpiringValue<>(this::listProcesses, ttls.processList(), clock);
        this.processTable = processTable != null ? processTable : PlatformReaders.processTable(os, memory);
        this.diskCounters = PlatformReaders.diskCounters(os);
        this.networkCounters = PlatformReaders.networkCounters(os);
        this.systemCounters = PlatformReaders.systemCounters(os, processor, memory);
    }

    /** A sampler with this platform's OSHI entry point, the system clock and default TTLs. */
    public OshiHealthSampler() {
        this(PlatformReaders.systemInfo(), Clock.systemUTC(), SamplingTtls.DEFAULTS);
    }

    @Override
    public HealthSample sample() {
        Instant at = clock.instant();
        Map<String, Double> metrics = new TreeMap<>();
        List<ProcessListing> listing = new ArrayList<>(1);
        part("cpu", () -> addCpuLoad(metrics));
        part("memory", () -> addMemory(metrics));
        part("file systems", () -> addFileSystems(metrics));
        part("disks", () -> addDiskRates(metrics));
        part("sensors", () -> addSensors(metrics));
        part("battery", () -> addBattery(metrics));
        part("uptime", () -> addUptime(metrics));
        part("network", () -> addNetwork(metrics));
        part("processes", () -> listing.add(processes.get()));
        metrics.values().removeIf(v -> v == null || !Double.isFinite(v));
        if (listing.isEmpty()) {
            return new HealthSample(at, metrics, List.of(), List.of());
        }
        ProcessListing p = listing.get(0);
        if (p.count() > 0) {
            metrics.put(Metric.PROCESS_COUNT, (double) p.count());
        }
        return new HealthSample(at, metrics, p.topByCpu(), p.topByMemory());
    }

    /** Runs one part of the sample; a failure leaves that part's metrics out and is logged once per part. */
    private void part(String name, Runnable reading) {
        try {
            reading.run();
            if (failedParts.remove(name)) {
                LOG.info("Reading {} works again", name);
            }
        } catch (RuntimeException | LinkageError e) {
            if (failedParts.add(name)) {
                LOG.warn("Cannot read {}; its metrics are left out until it works again", name, e);
            } else {
                LOG.debug("Still cannot read {}: {}", name, e.toString());
            }
        }
    }

    private void addCpuLoad(Map<String, Double> metrics) {
        SystemCounters.CpuTime now = systemCounters.cpuTime();
        SystemCounters.CpuTime before = previousCpuTime;
        previousCpuTime = now;
        if (before != null) {
            // No tick passed gives no load at all ("absent"), rather than 0.
            now.loadSince(before).ifPresent(load -> metrics.put(Metric.CPU_LOAD_PCT, 100.0 * load));
        }
    }

    private void addMemory(Map<String, Double> metrics) {
        SystemCounters.Memory m = systemCounters.memory();
        if (m.total() > 0 && m.available() >= 0) {
            metrics.put(Metric.MEM_TOTAL_BYTES, (double) m.total());
            metrics.put(Metric.MEM_AVAILABLE_BYTES, (double) m.available());
            metrics.put(Metric.MEM_USED_PCT, 100.0 * (m.total() - m.available()) / m.total());
        }
        // No swap configured is a fact (0 bytes), but its use in percent does not exist.
        metrics.put(Metric.SWAP_TOTAL_BYTES, (double) m.swapTotal());
        if (m.swapTotal() > 0 && m.swapUsed() >= 0) {
            metrics.put(Metric.SWAP_USED_PCT, 100.0 * m.swapUsed() / m.swapTotal());
        }
    }

    private List<OSFileStore> queryFileStores() {
        return os.getFileSystem().getFileStores(true).stream()
                .filter(fs -> FileStoreFilter.counts(new FileStoreFacts(
                        fs.getMount(),
                        fs.getType(),
                        fs.getOptions(),
                        fs.getDescription(),
                        fs.isLocal(),
                        fs.getTotalSpace())))
                .toList();
    }

    private void addFileSystems(Map<String, Double> metrics) {
        for (OSFileStore store : fileStores.get()) {
            // The sizes straight from the mount point (a statvfs each): OSHI's updateAttributes()
            // lists every mount again to find this one, many times the work.
            String mount = store.getMount();
            File root = new File(mount);
            long total = root.getTotalSpace();
            if (total <= 0) {
                // Gone since it was listed (the mount point was removed): list again next sample.
                fileStores.invalidate();
                continue;
            }
            // Usable, not free: space reserved for root is no use to the visitor or the agent.
            long usable = root.getUsableSpace();
            metrics.put(Metric.fsTotalBytes(mount), (double) total);
            metrics.put(Metric.fsFreeBytes(mount), (double) usable);
            metrics.put(Metric.fsFreePct(mount), 100.0 * usable / total);
        }
    }

    private List<HWDiskStore> queryDisks() {
        return hardware.getDiskStores().stream()
                .filter(d -> !DeviceNames.isVirtualDisk(DeviceNames.shortDiskName(d.getName())))
                .toList();
    }

    private void addDiskRates(Map<String, Double> metrics) {
        List<String> seen = new ArrayList<>();
        List<HWDiskStore> listed = disks.get();
        List<DiskCounters.DiskCount> counts = diskCounters.read(listed);
        if (counts.size() < listed.size()) {
            // A listed disk could not be read: it may be gone, so list the disks again next sample.
            disks.invalidate();
        }
        for (DiskCounters.DiskCount count : counts) {
            String name = count.name();
            String readKey = "disk-read:" + name;
            String writeKey = "disk-write:" + name;
            seen.add(readKey);
            seen.add(writeKey);
            diskRates
                    .update(readKey, count.readBytes(), count.atMillis())
                    .ifPresent(v -> metrics.put(Metric.diskReadBps(name), v));
            diskRates
                    .update(writeKey, count.writeBytes(), count.atMillis())
                    .ifPresent(v -> metrics.put(Metric.diskWriteBps(name), v));
        }
        diskRates.retainOnly(seen);
    }

    private SensorSnapshot querySensors() {
        Sensors s = hardware.getSensors();
        return new SensorSnapshot(s.getCpuTemperature(), s.getFanSpeeds(), s.getCpuVoltage());
    }

    private void addSensors(Map<String, Double> metrics) {
        SensorSnapshot s = sensors.get();
        SensorReadings.temperatureCelsius(s.cpuTemperature()).ifPresent(v -> metrics.put(Metric.CPU_TEMPERATURE_C, v));
        SensorReadings.reading(s.cpuVoltage()).ifPresent(v -> metrics.put(Metric.CPU_VOLTAGE_V, v));
        SensorReadings.fanSpeeds(s.fanSpeeds()).forEach((n, rpm) -> metrics.put(Metric.fanRpm(n), rpm));
    }

    private void addBattery(Map<String, Double> metrics) {
        // Listed every sample: charge changes all the time, and updateAttributes() would list them all anyway.
        List<BatteryFacts> facts = new ArrayList<>();
        for (PowerSource ps : hardware.getPowerSources()) {
            facts.add(new BatteryFacts(
                    ps.getName(),
                    ps.getRemainingCapacityPercent(),
                    ps.getCurrentCapacity(),
                    ps.getMaxCapacity(),
                    ps.getDesignCapacity(),
                    ps.isPowerOnLine(),
                    ps.isCharging(),
                    ps.isDischarging()));
        }
        metrics.putAll(BatteryFigures.metrics(facts));
    }

    private void addUptime(Map<String, Double> metrics) {
        SystemCounters.Uptime u = systemCounters.uptime();
        if (u.uptimeSeconds() > 0) {
            metrics.put(Metric.UPTIME_S, (double) u.uptimeSeconds());
        }
        if (u.bootEpochSeconds() > 0) {
            metrics.put(Metric.BOOT_EPOCH_S, (double) u.bootEpochSeconds());
        }
    }

    private void addNetwork(Map<String, Double> metrics) {
        // getNetworkIFs(false) already leaves out loopback and other interfaces without hardware.
        List<NetworkIF> listed = networkInterfaces.get();
        List<NetworkCounters.InterfaceCount> counts = networkCounters.read(listed);
        if (counts.size() < listed.size()) {
            // A listed interface could not be read: it may be gone, so list them again next sample.
            networkInterfaces.invalidate();
        }
        List<String> seen = new ArrayList<>();
        for (NetworkCounters.InterfaceCount count : counts) {
            String name = count.name();
            count.up().ifPresent(up -> metrics.put(Metric.netUp(name), up));
            String rxKey = "net-rx:" + name;
            String txKey = "net-tx:" + name;
            seen.add(rxKey);
            seen.add(txKey);
            networkRates
                    .update(rxKey, count.rxBytes(), count.atMillis())
                    .ifPresent(v -> metrics.put(Metric.netRxBps(name), v));
            networkRates
                    .update(txKey, count.txBytes(), count.atMillis())
                    .ifPresent(v -> metrics.put(Metric.netTxBps(name), v));
        }
        networkRates.retainOnly(seen);
    }

    /**
     * Lists all processes once: the count and both top lists come from the same listing. CPU use
     * is measured since the previous listing.
     */
    private ProcessListing listProcesses() {
        List<ProcessTable.ProcessReading> all = processTable.read();
        int cpus = processor.getLogicalProcessorCount();
        Map<Integer, CpuTimes> now = new HashMap<>(all.size() * 2);
        List<ProcessUsage> usages = new ArrayList<>(all.size());
        for (ProcessTable.ProcessReading p : all) {
            now.put(p.pid(), p.cpu());
            // A process not seen last time (or on the first sample) is judged by its whole life so far.
            double cpu = ProcessRanking.recentCpuPercent(previousCpuTimes.get(p.pid()), p.cpu(), cpus)
                    .orElseGet(() -> ProcessRanking.lifetimeCpuPercent(p.cpu(), cpus));
            usages.add(new ProcessUsage(p.pid(), p.name(), cpu, p.residentBytes()));
        }
        previousCpuTimes = now;
        return new ProcessListing(
                all.size(),
                ProcessRanking.topByCpu(usages, TOP_PROCESSES),
                ProcessRanking.topByMemory(usages, TOP_PROCESSES));
    }
}
