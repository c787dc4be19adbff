/**
 * What keeps the agent's log small and harmless whatever a client sends: a total size that
 * holds at any rate ({@link SizeCapTrigger}), a per-message rate limit
 * ({@link RepeatedMessageFilter}), and log text cut to length with control characters shown
 * escaped ({@link SafeMessageConverter}, {@link CappedThrowableConverter}), so that text a
 * client sent can neither fill the disk nor forge log lines.
 */
package bg.digiclub.agent.logging;
