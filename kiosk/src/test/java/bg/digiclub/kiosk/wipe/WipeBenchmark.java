package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.platform.ProcessSelection;
import bg.digiclub.kiosk.platform.ProcessSnapshot;
import bg.digiclub.kiosk.platform.UserSessionProcesses;
import bg.digiclub.kiosk.platform.linux.ProcStat;

/**
 * Benchmark (a program, not a test): the kiosk's end of session with a browser profile of a given
 * size — ending the session's programs, then the privacy wipe — timed over several runs.
 *
 * <pre>
 * bench/kiosk-wipe/run.sh [--runs 7] [--size-mb 200] [--apps 12] [--grace-ms 1000] [--threads 16] [--trash] [--dir /var/tmp]
 * </pre>
 *
 * Each run writes a fresh profile (not timed), flushes it to disk with {@code sync} so the wipe
 * deletes files that are really on disk, starts {@code --apps} programs (sleep, and one that
 * ignores SIGTERM so the forced path is timed too), then times ending them and the wipe separately.
 * The programs are found by a random marker in their command line, never by user.
 */
public final class WipeBenchmark {
    private WipeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 7);
        int sizeMb = intArg(args, "--size-mb", 200);
        int apps = intArg(args, "--apps", 12);
        Duration grace = Duration.ofMillis(intArg(args, "--grace-ms", 1000));
        int threads = intArg(args, "--threads", ConfinedDeleter.DEFAULT_PARALLELISM);
        boolean trash = Arrays.asList(args).contains("--trash");
        Path base = Path.of(stringArg(args, "--dir", System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "kiosk-wipe-bench-");
        Path home = work.resolve("home");
        System.out.printf(Locale.ROOT, "kiosk end-of-session benchmark: %d runs, %d MB profile, %d apps, grace %d ms, %d unlink threads, %s, in %s%n",
                runs, sizeMb, apps, grace.toMillis(), threads, trash ? "trash (background purge)" : "no trash", work);
        System.out.printf(Locale.ROOT, "java %s, %d cpus%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        WipeConfig config = config(home, trash);
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config, () -> { }, threads);
        List<Long> wipeMs = new ArrayList<>();
        List<Long> purgeMs = new ArrayList<>();
        List<Long> endMs = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long genStart = System.nanoTime();
            BrowserProfileGenerator.Profile profile = new BrowserProfileGenerator(run).write(home.resolve(".config/chromium"), sizeMb * 1024L * 1024L);
            Files.createDirectories(home.resolve("Downloads"));
            Files.writeString(home.resolve("Downloads/бележка.txt"), "x");
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            long genMs = (System.nanoTime() - genStart) / 1_000_000;

            String marker = "9100." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            startApps(apps, marker);
            long endStart = System.nanoTime();
            UserSessionProcesses processes = new UserSessionProcesses(new ProcessSelection(
                    (ProcessSnapshot p) -> p.commandLine().contains(marker), Set.of()), ProcStat::exited);
            int ended = processes.endAll(grace);
            long endNs = System.nanoTime() - endStart;

            long wipeStart = System.nanoTime();
            List<WipeStepResult> results = wipe.run();
            long wipeNs = System.nanoTime() - wipeStart;
            WipeStepResult purge = wipe.purge().join();
            long purgeNs = System.nanoTime() - wipeStart - wipeNs;
            if (purge != null && !purge.ok()) {
                throw new IllegalStateException("trash purge failed: " + purge);
            }
            purgeMs.add(purgeNs / 1_000_000);

            if (results.stream().anyMatch(r -> !r.ok())) {
                throw new IllegalStateException("wipe failed: " + results);
            }
            endMs.add(endNs / 1_000_000);
            wipeMs.add(wipeNs / 1_000_000);
            System.out.printf(Locale.ROOT, "run %d: profile %d files %.1f MB (written+synced in %d ms); ended %d apps in %d ms; wipe %d ms (then background purge %s); %s%n",
                    run, profile.files(), profile.bytes() / 1048576.0, genMs, ended, endNs / 1_000_000, wipeNs / 1_000_000,
                    purge == null ? "none" : purgeNs / 1_000_000 + " ms", results);
        }
        System.out.printf(Locale.ROOT, "end apps  ms: median %d, min %d, max %d%n", median(endMs), min(endMs), max(endMs));
        System.out.printf(Locale.ROOT, "wipe      ms: median %d, min %d, max %d%n", median(wipeMs), min(wipeMs), max(wipeMs));
        if (trash) {
            System.out.printf(Locale.ROOT, "purge     ms: median %d, min %d, max %d (background, after the lock screen is back)%n",
                    median(purgeMs), min(purgeMs), max(purgeMs));
        }
        List<Long> total = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            total.add(endMs.get(i) + wipeMs.get(i));
        }
        System.out.printf(Locale.ROOT, "end+wipe  ms: median %d, min %d, max %d (goal: lock screen ready < 3000 ms)%n", median(total), min(total), max(total));
        Files.deleteIfExists(home.resolve(".digiclub-trash"));
        Files.deleteIfExists(home.resolve("Downloads"));
        Files.deleteIfExists(home.resolve(".config/chromium"));
        Files.deleteIfExists(home.resolve(".config"));
        Files.deleteIfExists(home);
        Files.deleteIfExists(work);
    }

    private static void startApps(int count, String marker) throws IOException {
        for (int i = 0; i < count; i++) {
            // Every fourth ignores SIGTERM, as a hung program would; it has to be forced.
            String script = i % 4 == 3 ? "trap '' TERM; sleep " + marker : "sleep " + marker;
            new ProcessBuilder("sh", "-c", script).start();
        }
        // sh needs a moment to exec sleep; without it the table may show the shell only.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline
                && ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").startsWith("sleep " + marker)).count() < count) {
            Thread.onSpinWait();
        }
    }

    private static WipeConfig config(Path home, boolean trash) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(String.join("\n",
                "wipe.visitor.home=" + home,
                trash ? "wipe.trash=~/.digiclub-trash" : "",
                "wipe.steps=browser-profiles,downloads,recent-files,clipboard",
                "wipe.browser-profiles.paths=~/.config/chromium,~/.mozilla/firefox",
                "wipe.downloads.paths=~/Downloads",
                "wipe.recent-files.paths=~/.local/share/recently-used.xbel")));
        return WipeConfig.parse(props, Path.of("(benchmark)"));
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
