package bg.digiclub.collector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;

import bg.digiclub.collector.CollectorMain;

/**
 * The collector of {@link LiveBenchmark}, in a process of its own: the real {@link CollectorMain}
 * with its arguments ({@code serve ...}), plus one thread that reads commands from standard input.
 * {@code heap} runs a full garbage collection and prints the heap in use after it
 * ({@code heap-after-gc <bytes> <committed bytes> <max bytes>}): {@code jcmd} cannot attach to a
 * JVM in the user namespace that {@code bench/test-main.sh} uses as root. The end of standard input
 * (the benchmark ended, however it ended) stops the collector, so none is left behind.
 */
public final class LiveBenchCollector {
    static final String HEAP = "heap";
    static final String HEAP_ANSWER = "heap-after-gc ";

    private LiveBenchCollector() {}

    public static void main(String[] args) {
        Thread commands = new Thread(LiveBenchCollector::answerCommands, "bench-commands");
        commands.setDaemon(true);
        commands.start();
        CollectorMain.main(args);
    }

    private static void answerCommands() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals(HEAP)) {
                    System.gc();
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    System.out.println(HEAP_ANSWER + heap.getUsed() + " " + heap.getCommitted() + " " + heap.getMax());
                    System.out.flush();
                }
            }
        } catch (IOException e) {
            // the benchmark is gone: stop below
        }
        System.exit(0);
    }
}
