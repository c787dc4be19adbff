package bg.digiclub.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The agent's log stays small whatever a client makes it log (issue 9: agent.log grew to
 * 294 MB in 30 s): its directory is capped in bytes at any rate, one message repeats at most
 * so often a minute, and a message cannot be long or forge lines. Each test has a logging
 * context of its own, configured by the agent's own code, without the console.
 */
class ServiceLoggingTest {
    @TempDir
    Path logDir;

    private final LoggerContext context = new LoggerContext();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @AfterEach
    void stop() {
        context.stop();
    }

    private Logger configure(ServiceLogging.Limits limits) throws IOException {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        ServiceLogging.configure(context, logDir, limits, now::get, false);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
        return context.getLogger("bg.digiclub.agent.link.LinkServer");
    }

    @Test
    void aFloodNeverGrowsTheLogDirectoryBeyondItsCap() throws Exception {
        long maxFile = 64 * 1024;
        int kept = 3;
        // no rate limit here: the size cap alone must hold, at full speed
        Logger log = configure(new ServiceLogging.Limits(maxFile, kept, Integer.MAX_VALUE));
        Random random = new Random(9);
        long logged = 0;
        long largest = 0;
        for (int i = 0; logged < 20L * 1024 * 1024; i++) {
            String noise = randomText(random, 900); // incompressible, so compression does not hide an overrun
            log.warn("request {} refused: {}", i, noise);
            logged += noise.length();
            if (i % 50 == 0) {
                largest = Math.max(largest, directorySize());
            }
        }
        largest = Math.max(largest, directorySize());
        // the live file, the kept ones, a file being compressed; each at most its size plus one event
        long cap = (kept + 2) * (maxFile + 2 * 1024);
        System.out.printf(
                "log flood: %d MB logged, directory at most %d bytes (cap %d), files %s%n",
                logged >> 20, largest, cap, fileNames());
        assertTrue(largest <= cap, "the log directory reached " + largest + " bytes, more than " + cap);
        assertTrue(Files.exists(logDir.resolve("agent." + kept + ".log.gz")), "rolled: " + fileNames());
        assertTrue(Files.size(logDir.resolve(ServiceLogging.FILE_NAME)) <= maxFile + 2 * 1024);
    }

    @Test
    void aRepeatedMessageIsWrittenAtMostSoOftenAMinuteAndTheRestCounted() throws Exception {
        Logger log = configure(new ServiceLogging.Limits(10L << 20, 2, 5));
        for (int i = 0; i < 1000; i++) {
            log.info("wrong staff PIN");
            log.warn("link refused a connection from user {} group {}", "visitor" + i, "visitor");
        }
        assertEquals(5, count("wrong staff PIN"));
        assertEquals(5, count("link refused a connection"));

        now.addAndGet(61_000); // a minute later, the next event brings the counts
        log.info("link listening");
        assertEquals(
                1,
                count(
                        "995 more message(s) like this were not logged in a minute (at most 5 a minute): wrong staff PIN"),
                lines().toString());
        assertEquals(
                1,
                count("995 more message(s) like this were not logged in a minute (at most 5 a minute):"
                        + " link refused a connection from user {} group {}"));
        log.info("wrong staff PIN");
        assertEquals(6, countExact("wrong staff PIN"), "a new minute, a new allowance");
    }

    @Test
    void textAClientSentIsCutAndCannotForgeALine() throws Exception {
        Logger log = configure(ServiceLogging.Limits.AGENT);
        String sent = "x".repeat(100_000) + "\n2031-01-01T00:00:00.000Z ERROR [main] forged - line";
        log.warn("bad request: {}", sent);
        log.error("request failed", new IllegalArgumentException("bad field " + "y".repeat(1_000_000)));
        List<String> lines = lines();
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("2031")), "a client's line break forged a line");
        String warn = lines.stream()
                .filter(l -> l.contains("bad request"))
                .findFirst()
                .orElseThrow();
        assertTrue(warn.length() < 1_200 && warn.contains("more characters not logged"), warn);
        assertTrue(
                Files.size(logDir.resolve(ServiceLogging.FILE_NAME)) < 12_000,
                "a megabyte of exception message is cut: " + Files.size(logDir.resolve(ServiceLogging.FILE_NAME)));
    }

    private long count(String text) throws IOException {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    private long countExact(String message) throws IOException {
        return lines().stream().filter(l -> l.endsWith(" - " + message)).count();
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(logDir.resolve(ServiceLogging.FILE_NAME), StandardCharsets.UTF_8);
    }

    private long directorySize() throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('!' + random.nextInt(94)));
        }
        return b.toString();
    }
}
