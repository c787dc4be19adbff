package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/** The small parts: backoff, Retry-After, schedule, configuration, the privacy guard's rules. */
class UploadPartsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Test
    void backoffDoublesUpToTheCapWithFullJitter() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), new Random(1));
        assertEquals(Duration.ofSeconds(30), b.ceiling(1));
        assertEquals(Duration.ofSeconds(60), b.ceiling(2));
        assertEquals(Duration.ofSeconds(30 << 9), b.ceiling(10));
        assertEquals(Duration.ofHours(6), b.ceiling(11));
        assertEquals(Duration.ofHours(6), b.ceiling(1_000_000));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration d = b.delay(3, Optional.empty());
            assertTrue(!d.isNegative() && d.compareTo(Duration.ofMinutes(2)) <= 0, d.toString());
            seen.add(d.toSeconds());
        }
        assertTrue(seen.size() > 50, "jittered over the whole range");
        assertEquals(
                Duration.ofMinutes(10),
                b.delay(1, Optional.of(Duration.ofMinutes(10))),
                "Retry-After wins when longer");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndIgnoresNonsense() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ofMinutes(5)), RetryAfter.parse("Tue, 24 Nov 2026 10:05:00 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", NOW));
        assertEquals(Optional.of(RetryAfter.MAX), RetryAfter.parse("99999999999", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void usageIsScheduledOnceADayAtARandomMinuteInsideTheWindow() {
        UploadSchedule s =
                new UploadSchedule(LocalTime.of(2, 0), LocalTime.of(5, 0), Duration.ofMinutes(15), new Random(3));
        Instant t = NOW;
        Set<Integer> minutes = new HashSet<>();
        for (int day = 0; day < 60; day++) {
            Instant next = s.nextUsageUpload(t, SOFIA);
            ZonedDateTime local = next.atZone(SOFIA);
            assertTrue(local.getHour() >= 2 && local.getHour() < 5, local.toString());
            assertEquals(0, local.getSecond());
            assertTrue(next.isAfter(t));
            assertTrue(Duration.between(t, next).compareTo(Duration.ofHours(27)) < 0, "about once a day");
            minutes.add(local.getHour() * 60 + local.getMinute());
            t = next;
        }
        assertTrue(minutes.size() > 40, "spread over the window: " + minutes.size());
    }

    @Test
    void aWindowMayWrapPastMidnight() {
        UploadSchedule s =
                new UploadSchedule(LocalTime.of(23, 0), LocalTime.of(1, 0), Duration.ofMinutes(15), new Random(5));
        for (int i = 0; i < 50; i++) {
            int hour = s.nextUsageUpload(NOW.plus(Duration.ofHours(i * 7)), SOFIA)
                    .atZone(SOFIA)
                    .getHour();
            assertTrue(hour == 23 || hour == 0, "hour " + hour);
        }
    }

    @Test
    void healthSlotsAreOnTheQuarterHour() {
        UploadSchedule s =
                new UploadSchedule(LocalTime.of(2, 0), LocalTime.of(5, 0), Duration.ofMinutes(15), new Random(3));
        assertEquals(Instant.parse("2026-11-24T10:15:00Z"), s.healthSlot(Instant.parse("2026-11-24T10:29:59Z")));
        assertEquals(Instant.parse("2026-11-24T10:30:00Z"), s.nextHealthSlot(Instant.parse("2026-11-24T10:15:00Z")));
    }

    private static UploadConfig config(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        ConfigProperties c = ConfigProperties.of("agent.properties", p);
        UploadConfig u = UploadConfig.read(c);
        c.rejectUnknownKeys();
        return u;
    }

    @Test
    void configurationHasSafeDefaultsAndReadsEveryKey() {
        UploadConfig d = config();
        assertEquals(Optional.empty(), d.collectorUrl());
        assertEquals(LocalTime.of(2, 0), d.usageWindowStart());
        assertEquals(Duration.ofMinutes(15), d.healthInterval());
        assertEquals(256 * 1024, d.outbox().maxBatchBytes());
        UploadConfig c = config(
                "upload.url",
                "https://stats.starazagora.bg/digiclub/",
                "upload.window-start",
                "01:30",
                "upload.window-end",
                "04:00",
                "upload.health-interval-minutes",
                "30",
                "upload.outbox.max-megabytes",
                "8",
                "upload.outbox.health-max-age-days",
                "10",
                "upload.outbox.usage-max-age-days",
                "200",
                "upload.certificate-pins",
                "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "upload.backoff.initial-seconds",
                "10",
                "upload.backoff.max-minutes",
                "60",
                "upload.max-batches-per-round",
                "20",
                "upload.max-batch-bytes",
                "65536",
                "upload.connect-timeout-seconds",
                "5",
                "upload.call-timeout-seconds",
                "30");
        assertEquals(
                URI.create("https://stats.starazagora.bg/digiclub"),
                c.collectorUrl().orElseThrow());
        assertEquals(8L << 20, c.outbox().maxTotalBytes());
        assertEquals(Duration.ofDays(10), c.outbox().healthMaxAge());
        assertEquals(1, c.certificatePins().size());
        assertEquals(20, c.maxBatchesPerRound());
    }

    @Test
    void badValuesNameTheFileAndTheKey() {
        ConfigException http =
                assertThrows(ConfigException.class, () -> config("upload.url", "http://stats.example.bg"));
        assertTrue(
                http.getMessage().contains("agent.properties: key 'upload.url'")
                        && http.getMessage().contains("localhost"),
                http.getMessage());
        assertEquals(
                URI.create("http://127.0.0.1:8080"),
                config("upload.url", "http://127.0.0.1:8080").collectorUrl().get());
        assertTrue(assertThrows(ConfigException.class, () -> config("upload.window-start", "2am"))
                .getMessage()
                .contains("upload.window-start"));
        assertTrue(assertThrows(ConfigException.class, () -> config("upload.certificate-pins", "md5/xyz"))
                .getMessage()
                .contains("upload.certificate-pins"));
        assertTrue(assertThrows(ConfigException.class, () -> config("upload.max-batch-bytes", "999999"))
                .getMessage()
                .contains("upload.max-batch-bytes"));
        assertTrue(assertThrows(ConfigException.class, () -> config("upload.windw-start", "02:00"))
                .getMessage()
                .contains("key 'upload.windw-start': unknown key"));
    }

    @Test
    void theGuardRefusesAddressesUrlsFineTimesAndForbiddenWords() {
        PrivacyGuard g = new PrivacyGuard(java.util.List.of("club-pc-07", "ivan", "x"));
        String ok = "{\"kind\":\"USAGE\",\"hour\":\"2026-11-24T08:00:00Z\",\"agentVersion\":\"0.1.0\","
                + "\"batchId\":\"4f1c2a9e-7d3b-4c55-9a0e-2b8f6d1e7c34\",\"name\":\"disk:C:\\\\\",\"v\":12.5}";
        g.check(BatchKind.USAGE, ok);
        g.check(BatchKind.HEALTH, "{\"at\":\"2026-11-24T08:15:00Z\"}");
        String[][] bad = {
            {"{\"a\":\"192.168.1.20\"}", "IPv4"},
            {"{\"a\":\"fe80::1ff:fe23:4567:890a\"}", "IPv6"},
            {"{\"a\":\"2001:0db8:85a3:0000:0000:8a2e:0370:7334\"}", "IPv6"},
            {"{\"a\":\"00:1A:2b:3C:4d:5E\"}", "MAC"},
            {"{\"a\":\"00-1A-2B-3C-4D-5E\"}", "MAC"},
            {"{\"a\":\"https://egov.bg/login\"}", "URL"},
            {"{\"a\":\"www.gmail.com\"}", "URL"},
            {"{\"a\":\"maria@abv.bg\"}", "e-mail"},
            {"{\"a\":\"C:\\\\Users\\\\Ivan\\\\Desktop\"}", "home-directory"},
            {"{\"hour\":\"2026-11-24T08:17:00Z\"}", "finer than the hour"},
            {"{\"hour\":\"2026-11-24T08:00:05Z\"}", "finer than the hour"},
            {"{\"name\":\"Club-PC-07\"}", "forbidden identifier"},
            {"{\"name\":\"disk:/media/ivan\"}", "forbidden identifier"},
        };
        for (String[] c : bad) {
            PrivacyViolation e = assertThrows(PrivacyViolation.class, () -> g.check(BatchKind.USAGE, c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(
                    !e.getMessage().toLowerCase().contains("ivan")
                            && !e.getMessage().contains("07"),
                    "the message does not repeat the value: " + e.getMessage());
        }
        assertThrows(PrivacyViolation.class, () -> g.check(BatchKind.HEALTH, "{\"at\":\"2026-11-24T08:16:00Z\"}"));
        g.check(BatchKind.USAGE, "{\"name\":\"ivanovo\",\"x\":\"x\"}"); // whole words only; 1-letter words are skipped
    }

    @Test
    void configuredPinsApplyToTheCollectorsHostAndRedirectsAreNotFollowed() {
        UploadConfig c = config(
                "upload.url",
                "https://stats.starazagora.bg",
                "upload.certificate-pins",
                "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        okhttp3.OkHttpClient http = CollectorHttp.client(c);
        assertEquals(
                1,
                http.certificatePinner()
                        .findMatchingPins("stats.starazagora.bg")
                        .size());
        assertTrue(http.certificatePinner().findMatchingPins("example.org").isEmpty());
        assertTrue(!http.followRedirects() && !http.followSslRedirects() && !http.retryOnConnectionFailure());
        assertTrue(
                CollectorHttp.client(config())
                        .certificatePinner()
                        .findMatchingPins("stats.starazagora.bg")
                        .isEmpty(),
                "no pins unless configured");
    }
}
