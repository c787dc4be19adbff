package bg.digiclub.agent.member;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import bg.digiclub.support.secret.SlowHash;

/**
 * Prints what one PIN check costs at several PBKDF2 iteration counts on this machine, to choose
 * {@code members.pbkdf2-iterations} (goal: 50-100 ms per check). A program, not a test:
 * {@code bench/test-main.sh agent bg.digiclub.agent.member.PinHashBenchmark [CHECKS]} (default 15 checks per count)
 */
public final class PinHashBenchmark {
    private PinHashBenchmark() {}

    public static void main(String[] args) {
        int[] counts = {100_000, 210_000, 310_000, 600_000};
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        // CPU time is what a check costs on an idle PC; wall time also shows how busy this machine is
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(
                "PBKDF2WithHmacSHA256, 256-bit hash, 16-byte salt, %d checks each, %d cores, Java %s%n",
                rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int iterations : counts) {
            SlowHash hasher = new SlowHash(iterations);
            String stored = hasher.hash("482913".toCharArray());
            for (int i = 0; i < 3; i++) {
                hasher.matches("482913".toCharArray(), stored);
            }
            double[] ms = new double[rounds];
            double[] cpu = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                hasher.matches("482913".toCharArray(), stored);
                ms[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(
                    "%,9d iterations: wall median %6.1f ms (min %6.1f, max %6.1f); CPU median %6.1f ms%n",
                    iterations, ms[rounds / 2], ms[0], ms[rounds - 1], cpu[rounds / 2]);
        }
    }
}
