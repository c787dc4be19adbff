package bg.digiclub.agent.logging;

import java.io.File;

import ch.qos.logback.core.rolling.TriggeringPolicyBase;

/**
 * Rolls the log file as soon as it reaches its size, checked before every event. Logback's own
 * {@code SizeBasedTriggeringPolicy} looks at the file at most once per interval, so a flood
 * between two looks grows one file without bound (issue 9: 294 MB in 30 s, one roll); with this
 * trigger a file is never more than its size plus one event (which {@link SafeMessageConverter}
 * and {@link CappedThrowableConverter} keep short). One {@code stat} per event is cheap for a
 * log that {@link RepeatedMessageFilter} keeps to a few lines a minute.
 */
public final class SizeCapTrigger<E> extends TriggeringPolicyBase<E> {
    private final long maxBytes;

    public SizeCapTrigger(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, E event) {
        return activeFile.length() >= maxBytes;
    }
}
