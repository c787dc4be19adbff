package bg.digiclub.agent.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The live channel's two threads: named, daemon (they never keep the agent alive), stopped alike. */
final class LiveThreads {
    /** How long a stop waits for what runs (a command being answered) before interrupting it. */
    static final long STOP_SECONDS = 5;

    private LiveThreads() {}

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
