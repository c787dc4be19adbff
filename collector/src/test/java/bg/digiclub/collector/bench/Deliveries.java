package bg.digiclub.collector.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bg.digiclub.common.live.Command;

/**
 * Each benchmark command's way from staff to PC: when it was issued (before the dashboard's POST
 * was sent) and when its PC got it, by the command's number, which its message text carries
 * ({@code "bench 17"}). A command that arrives twice is counted: the collector must send each at
 * most once on a connection that stays up. The dashboard's answer to each POST is timed too.
 */
final class Deliveries {
    private static final Pattern TEXT = Pattern.compile("bench (\\d+)");

    private final AtomicLongArray issuedAt;
    private final AtomicLongArray receivedAt;
    private final AtomicLongArray answeredAt;
    private final AtomicLong issued = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong strangers = new AtomicLong();

    Deliveries(int capacity) {
        issuedAt = new AtomicLongArray(capacity);
        receivedAt = new AtomicLongArray(capacity);
        answeredAt = new AtomicLongArray(capacity);
    }

    static String text(int number) {
        return "bench " + number;
    }

    /** The next command's number, issued now; -1 when there is no room for more. */
    int issue(long nanoTime) {
        long n = issued.getAndIncrement();
        if (n >= issuedAt.length()) {
            return -1;
        }
        issuedAt.set((int) n, nanoTime);
        return (int) n;
    }

    /** How many commands were issued so far (numbers 0 to this, exclusive). */
    int issuedCount() {
        return (int) Math.min(issued.get(), issuedAt.length());
    }

    void received(Command command, long nanoTime) {
        Matcher m = command.text() == null ? null : TEXT.matcher(command.text());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= receivedAt.length()) {
            strangers.incrementAndGet();
            return;
        }
        if (!receivedAt.compareAndSet(Integer.parseInt(m.group(1)), 0, nanoTime)) {
            duplicates.incrementAndGet();
        }
    }

    /** The dashboard answered the POST of command {@code number}. */
    void answered(int number, long nanoTime) {
        answeredAt.set(number, nanoTime);
    }

    /** Issue to the POST's answer in nanoseconds, or -1 before the answer. */
    long postTime(int number) {
        long answered = answeredAt.get(number);
        return answered == 0 ? -1 : answered - issuedAt.get(number);
    }

    boolean delivered(int number) {
        return receivedAt.get(number) != 0;
    }

    /** Issue to delivery in nanoseconds, or -1 before delivery. */
    long latency(int number) {
        long received = receivedAt.get(number);
        return received == 0 ? -1 : received - issuedAt.get(number);
    }
}
