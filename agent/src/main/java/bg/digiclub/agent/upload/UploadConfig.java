package bg.digiclub.agent.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The upload's configuration (keys {@code upload.*}, explained in
 * {@code agent/config/agent.example.properties}).
 *
 * @param collectorUrl     the collector's base URL, e.g. {@code https://stats.starazagora.bg}; empty: no upload
 * @param certificatePins  optional OkHttp pins ({@code sha256/<base64>}) for the collector's host
 * @param usageWindowStart usage is sent once a day at a random minute from here...
 * @param usageWindowEnd   ...to here (local time; may wrap past midnight)
 * @param healthInterval   health batches are sealed and sent this often
 * @param maxBatchesPerRound at most this many batches are sent in one round
 * @param outbox           the outbox's bounds
 * @param initialBackoff   the first retry waits up to this long (full jitter)...
 * @param maxBackoff       ...doubling up to this cap
 * @param connectTimeout   TCP/TLS connect timeout
 * @param callTimeout      a whole request (send and answer) may take at most this long
 */
public record UploadConfig(
        Optional<URI> collectorUrl,
        List<String> certificatePins,
        LocalTime usageWindowStart,
        LocalTime usageWindowEnd,
        Duration healthInterval,
        int maxBatchesPerRound,
        OutboxLimits outbox,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration callTimeout) {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public UploadConfig {
        Objects.requireNonNull(collectorUrl, "collectorUrl");
        certificatePins = List.copyOf(certificatePins);
        Objects.requireNonNull(usageWindowStart, "usageWindowStart");
        Objects.requireNonNull(usageWindowEnd, "usageWindowEnd");
        Objects.requireNonNull(healthInterval, "healthInterval");
        if (!isWholeQuarterHours(healthInterval)) {
            throw new IllegalArgumentException(
                    "health upload interval must be a whole multiple of 15 minutes, got " + healthInterval);
        }
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        collectorUrl.ifPresent(UploadConfig::requireSafeUrl);
    }

    /**
     * Health snapshots are stamped with their quarter hour and the privacy guard refuses anything
     * finer (docs/privacy.md): a health interval that is not whole quarter hours would never send
     * health at all.
     */
    static boolean isWholeQuarterHours(Duration interval) {
        return !interval.isNegative()
                && !interval.isZero()
                && interval.toMinutes() % 15 == 0
                && interval.equals(Duration.ofMinutes(interval.toMinutes()));
    }

    /** Defaults, sending to {@code url} (tests, the demo). */
    public static UploadConfig defaults(URI url) {
        return new UploadConfig(
                Optional.ofNullable(url),
                List.of(),
                LocalTime.of(2, 0),
                LocalTime.of(5, 0),
                Duration.ofMinutes(15),
                100,
                OutboxLimits.DEFAULT,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60));
    }

    /**
     * Reads the {@code upload.*} keys; a bad value is a ConfigException naming the file and key.
     * The lead's {@code AgentConfig} calls this while reading the agent's configuration.
     */
    public static UploadConfig read(ConfigProperties c) {
        Optional<URI> url = c.string("upload.url").map(v -> {
            try {
                URI u = new URI(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
                requireSafeUrl(u);
                return u;
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw c.bad("upload.url", v, "must be an https:// URL (http:// only for localhost): " + e.getMessage());
            }
        });
        List<String> pins = c.list("upload.certificate-pins");
        for (String pin : pins) {
            if (!pin.matches("sha256/[A-Za-z0-9+/]{43}=")) {
                throw c.bad(
                        "upload.certificate-pins", pin, "must be sha256/ followed by a base64 SHA-256 (44 characters)");
            }
        }
        LocalTime start = time(c, "upload.window-start", LocalTime.of(2, 0));
        LocalTime end = time(c, "upload.window-end", LocalTime.of(5, 0));
        if (start.equals(end)) {
            throw c.bad("upload.window-end", end.toString(), "must differ from upload.window-start");
        }
        Duration health = c.minutes(
                "upload.health-interval-minutes", Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(24));
        if (!isWholeQuarterHours(health)) {
            throw c.bad(
                    "upload.health-interval-minutes", String.valueOf(health.toMinutes()), "must be a multiple of 15");
        }
        int perRound = c.integer("upload.max-batches-per-round", 100, 1, 10_000);
        int maxBatch =
                c.integer("upload.max-batch-bytes", BatchLimits.MAX_WIRE_BYTES, 1024, BatchLimits.MAX_WIRE_BYTES);
        int maxMb = c.integer("upload.outbox.max-megabytes", 32, 1, 4096);
        int healthDays = c.integer("upload.outbox.health-max-age-days", 30, 1, 3650);
        int usageDays = c.integer("upload.outbox.usage-max-age-days", 400, 1, 3650);
        Duration initial = c.seconds(
                "upload.backoff.initial-seconds", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        Duration max =
                c.minutes("upload.backoff.max-minutes", Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofDays(2));
        if (max.compareTo(initial) < 0) {
            throw c.bad(
                    "upload.backoff.max-minutes",
                    String.valueOf(max.toMinutes()),
                    "must not be shorter than upload.backoff.initial-seconds");
        }
        Duration connect = c.seconds(
                "upload.connect-timeout-seconds", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMinutes(5));
        Duration call = c.seconds(
                "upload.call-timeout-seconds", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(30));
        OutboxLimits limits =
                new OutboxLimits(Duration.ofDays(healthDays), Duration.ofDays(usageDays), (long) maxMb << 20, maxBatch);
        return new UploadConfig(url, pins, start, end, health, perRound, limits, initial, max, connect, call);
    }

    /** A copy sending to another collector (tests, the demo's embedded collector). */
    public UploadConfig withCollectorUrl(URI url) {
        return new UploadConfig(
                Optional.of(url),
                certificatePins,
                usageWindowStart,
                usageWindowEnd,
                healthInterval,
                maxBatchesPerRound,
                outbox,
                initialBackoff,
                maxBackoff,
                connectTimeout,
                callTimeout);
    }

    /** A copy with other timeouts (tests of slow collectors). */
    public UploadConfig withTimeouts(Duration connect, Duration call) {
        return new UploadConfig(
                collectorUrl,
                certificatePins,
                usageWindowStart,
                usageWindowEnd,
                healthInterval,
                maxBatchesPerRound,
                outbox,
                initialBackoff,
                maxBackoff,
                connect,
                call);
    }

    /** A copy with other outbox bounds. */
    public UploadConfig withOutbox(OutboxLimits limits) {
        return new UploadConfig(
                collectorUrl,
                certificatePins,
                usageWindowStart,
                usageWindowEnd,
                healthInterval,
                maxBatchesPerRound,
                limits,
                initialBackoff,
                maxBackoff,
                connectTimeout,
                callTimeout);
    }

    /** HTTPS always; plain HTTP only to this machine (tests, a collector on the same PC in the demo). */
    static void requireSafeUrl(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in " + u);
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("no user, query or fragment allowed in " + u);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("plain http is only allowed to localhost, was " + u);
        }
    }

    private static LocalTime time(ConfigProperties c, String key, LocalTime def) {
        Optional<String> v = c.string(key);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return LocalTime.parse(v.get());
        } catch (DateTimeParseException e) {
            throw c.bad(key, v.get(), "must be a local time HH:MM");
        }
    }
}
