package bg.digiclub.agent.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %ex} as the agent writes it: a stack trace of at most {@value #MAX_CHARS} characters.
 * An exception's message may quote what a client sent (a parser's excerpt of a bad request);
 * a long one is cut like {@link SafeMessageConverter} cuts a message.
 */
public final class CappedThrowableConverter extends ThrowableProxyConverter {
    /** Enough for the messages and the first few dozen frames of a chain of causes. */
    public static final int MAX_CHARS = 8000;

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        String full = super.throwableProxyToString(tp);
        if (full.length() <= MAX_CHARS) {
            return full;
        }
        return full.substring(0, MAX_CHARS) + "… [" + (full.length() - MAX_CHARS) + " more characters not logged]"
                + System.lineSeparator();
    }
}
