package bg.digiclub.collector.bench;

import java.util.Map;

/**
 * The live benchmark's measured window: the numbers of the commands issued in it, the state changes
 * sent, and the CPU spent by the collector (per thread pool too), the fleet's JVM and PostgreSQL
 * between its start and its end, read from {@code /proc}.
 */
final class MeasuredWindow {
    int firstCommand;
    int lastCommand;
    double seconds;
    long collectorCpu;
    long fleetCpu;
    long postgresCpu;
    long statesBefore;
    long statesAfter;
    Map<String, Long> collectorThreads;
    String loadBefore;
    private long startNanos;
    private long selfCpu0;
    private long postgres0;
    Integer postgresPort;

    static MeasuredWindow start(
            CollectorProcess collector, Deliveries deliveries, LiveFleet fleet, Integer postgresPort) throws Exception {
        MeasuredWindow w = new MeasuredWindow();
        w.postgresPort = postgresPort;
        w.statesBefore = fleet.states.get();
        w.loadBefore = BenchDatabases.load();
        w.firstCommand = deliveries.issuedCount();
        w.collectorThreads = collector.threadCpu();
        w.collectorCpu = collector.cpuNanos();
        w.selfCpu0 = CollectorProcess.cpuNanos(ProcessHandle.current().pid());
        w.postgres0 = ThreadCpu.postgresNanos(w.postgresPort);
        w.startNanos = System.nanoTime();
        return w;
    }

    void end(CollectorProcess collector, Deliveries deliveries, LiveFleet fleet) throws Exception {
        seconds = (System.nanoTime() - startNanos) / 1e9;
        statesAfter = fleet.states.get();
        lastCommand = deliveries.issuedCount();
        collectorCpu = collector.cpuNanos() - collectorCpu;
        fleetCpu = CollectorProcess.cpuNanos(ProcessHandle.current().pid()) - selfCpu0;
        postgresCpu = ThreadCpu.postgresNanos(postgresPort) - postgres0;
        Map<String, Long> before = collectorThreads;
        collectorThreads = collector.threadCpu();
        collectorThreads.replaceAll((group, nanos) -> nanos - before.getOrDefault(group, 0L));
    }
}
