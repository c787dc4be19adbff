package bg.digiclub.agent.logging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * A per-message rate limit: the same message template from the same logger is written at most
 * {@code perMinute} times a minute; the rest are dropped and counted, and once the minute is
 * over one line says how many were dropped. So a client repeating a request that logs (a wrong
 * PIN, a refused connection) adds a few lines a minute, not megabytes.
 *
 * <p>Minutes are fixed windows, read from an injected clock (milliseconds). The summaries of a
 * minute are written with the first event after it. At most {@value #MAX_TEMPLATES} templates
 * are told apart per minute; further ones share one count (a message built by concatenation
 * instead of a template is a new "template" every time, and must not grow this table).
 */
public final class RepeatedMessageFilter extends TurboFilter {
    static final int MAX_TEMPLATES = 256;
    static final long WINDOW_MILLIS = 60_000;
    private static final String OTHERS = "(other messages)";
    private static final ThreadLocal<Boolean> SUMMARIZING = ThreadLocal.withInitial(() -> false);

    private final int perMinute;
    private final LongSupplier millis;
    private final Map<String, Count> counts = new HashMap<>();
    private long windowStart;

    /**
     * @param perMinute how often one template may be written per minute
     * @param millis    the clock, in milliseconds ({@code System::currentTimeMillis} in the agent)
     */
    public RepeatedMessageFilter(int perMinute, LongSupplier millis) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.millis = Objects.requireNonNull(millis, "millis");
        this.windowStart = millis.getAsLong();
    }

    private static final class Count {
        final Logger logger;
        final Level level;
        final String template;
        int written;
        int dropped;

        Count(Logger logger, Level level, String template) {
            this.logger = logger;
            this.level = level;
            this.template = template;
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // level == null or no format: isXxxEnabled() asking, not an event
        if (format == null
                || level == null
                || SUMMARIZING.get()
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        List<Count> summaries = List.of();
        FilterReply reply;
        synchronized (this) {
            long now = millis.getAsLong();
            if (now - windowStart >= WINDOW_MILLIS || now < windowStart) {
                summaries = new ArrayList<>();
                for (Count c : counts.values()) {
                    if (c.dropped > 0) {
                        summaries.add(c);
                    }
                }
                counts.clear();
                windowStart = now;
            }
            String key = logger.getName() + '\u0000' + format;
            Count count = counts.get(key);
            if (count == null) {
                if (counts.size() >= MAX_TEMPLATES) {
                    key = OTHERS;
                    count = counts.computeIfAbsent(key, k -> new Count(logger, level, OTHERS));
                } else {
                    count = new Count(logger, level, format);
                    counts.put(key, count);
                }
            }
            if (count.written < perMinute) {
                count.written++;
                reply = FilterReply.NEUTRAL;
            } else {
                count.dropped++;
                reply = FilterReply.DENY;
            }
        }
        summarize(summaries);
        return reply;
    }

    /** One line per template that lost messages in the last window, outside the lock. */
    private void summarize(List<Count> summaries) {
        if (summaries.isEmpty()) {
            return;
        }
        SUMMARIZING.set(true);
        try {
            for (Count c : summaries) {
                String text = "{} more message(s) like this were not logged in a minute (at most {} a minute): {}";
                Object[] args = {c.dropped, perMinute, c.template};
                if (c.level.isGreaterOrEqual(Level.ERROR)) {
                    c.logger.error(text, args);
                } else if (c.level.isGreaterOrEqual(Level.WARN)) {
                    c.logger.warn(text, args);
                } else {
                    c.logger.info(text, args);
                }
            }
        } finally {
            SUMMARIZING.set(false);
        }
    }
}
