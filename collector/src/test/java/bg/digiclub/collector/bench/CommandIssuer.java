package bg.digiclub.collector.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issues one message to a random PC of the fleet per call (the benchmark calls it at a steady rate),
 * as staff click "send", through the {@link StaffConsole}; counts the POSTs the page did not take.
 */
final class CommandIssuer {
    private final StaffConsole staff;
    private final List<BenchDevices.Device> devices;
    private final Deliveries deliveries;
    private final Random random = new Random(13);
    final AtomicLong refused = new AtomicLong();
    final AtomicReference<String> firstRefusal = new AtomicReference<>();

    CommandIssuer(StaffConsole staff, List<BenchDevices.Device> devices, Deliveries deliveries) {
        this.staff = staff;
        this.devices = devices;
        this.deliveries = deliveries;
    }

    void issueOne() {
        int n = deliveries.issue(System.nanoTime());
        if (n < 0) {
            return;
        }
        BenchDevices.Device pc = devices.get(random.nextInt(devices.size()));
        staff.message(pc, Deliveries.text(n)).whenComplete((answer, failed) -> {
            deliveries.answered(n, System.nanoTime());
            if (failed != null || !accepted(answer)) {
                refused.incrementAndGet();
                firstRefusal.compareAndSet(
                        null, failed != null ? failed.toString() : answer.statusCode() + " " + answer.body());
            }
        });
    }

    /** The club page stored it: it sends staff back to the room view (a lost session goes to /login). */
    private static boolean accepted(HttpResponse<String> answer) {
        return answer.statusCode() == 303
                && answer.headers()
                        .firstValue("Location")
                        .map(l -> l.endsWith("/room"))
                        .orElse(false);
    }
}
