import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.config.AgentConfigLoader;
import bg.digiclub.agent.config.CommandLineOverrides;
import bg.digiclub.agent.visitor.VisitorAccount;
import bg.digiclub.agent.visitor.VisitorAccounts;
import bg.digiclub.common.link.WipeStepResult;

/**
 * Benchmark (a program, not a test): end of session to done, with a generated browser profile in
 * the visitor's home and programs of the visitor that ignore SIGTERM, for
 * (a) the agent's {@link VisitorAccount#reset()} and (b) today's kiosk path
 * ({@code KioskEndOfSession}, compiled in by run.sh while the kiosk still has its wipe), one after
 * the other in every run, each on a freshly generated and synced home. Needs root.
 *
 * <pre>
 * bench/visitor-reset/run.sh [--runs 5] [--size-mb 200] [--apps 5] [--grace-ms 1000] [--dir /var/tmp] [--agent-only]
 * </pre>
 */
public final class VisitorResetBenchmark {
    static final String ACCOUNT = "digiclub-visitor-bench";

    /** One way to end a session: returns {done ms, background deletion ms, of done: ending the programs ms}. */
    interface EndOfSession {
        String name();

        long[] run() throws Exception;
    }

    private VisitorResetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 5);
        int sizeMb = intArg(args, "--size-mb", 200);
        int apps = intArg(args, "--apps", 5);
        int graceMs = intArg(args, "--grace-ms", 1000);
        boolean agentOnly = Arrays.asList(args).contains("--agent-only");
        Path base = Path.of(stringArg(args, "--dir", System.getProperty("java.io.tmpdir")));
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("run as root: the benchmark creates the account " + ACCOUNT + " and switches to it");
        }
        ensureAccount();
        int uid = Integer.parseInt(sh("id -u " + ACCOUNT).strip());
        int gid = Integer.parseInt(sh("id -g " + ACCOUNT).strip());

        Path work = Files.createTempDirectory(base, "visitor-reset-bench-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectory(work.resolve("home"));
        Path template = Files.createDirectories(work.resolve("template/.config/digiclub")).getParent().getParent();
        Files.writeString(template.resolve(".bashrc"), "# club default\n");
        Files.writeString(template.resolve(".config/digiclub/bookmarks.html"), "<a href='https://egov.bg'>egov</a>\n");
        Files.createDirectory(template.resolve("Изтегляния"));

        Path config = Files.writeString(work.resolve("agent.properties"), String.join("\n",
                "visitor.account=" + ACCOUNT, "visitor.home=" + home, "visitor.home-template=" + template, ""));
        AgentConfig agentConfig = AgentConfigLoader.load(new CommandLineOverrides(Optional.of(config), Optional.of(work.resolve("agent-data")),
                Optional.empty(), Optional.empty()));
        VisitorAccount visitor = VisitorAccounts.forThisPc(agentConfig);
        Path holding = home.resolveSibling("." + home.getFileName() + ".reset");

        List<EndOfSession> ways = new ArrayList<>();
        ways.add(new EndOfSession() {
            @Override
            public String name() {
                return "agent: kill -KILL -1 as the visitor, home renamed aside + template";
            }

            @Override
            public long[] run() throws Exception {
                // endProcesses first, to time it apart; reset() then finds none (one /proc scan more than reset() alone)
                long t0 = System.nanoTime();
                WipeStepResult ended = visitor.endProcesses();
                long t1 = System.nanoTime();
                List<WipeStepResult> results = visitor.reset();
                long done = System.nanoTime();
                requireOk(List.of(ended));
                requireOk(results);
                awaitEmpty(holding);
                long purged = System.nanoTime();
                return new long[] {ms(done - t0), ms(purged - done), ms(t1 - t0)};
            }
        });
        if (!agentOnly) {
            try {
                ways.add((EndOfSession) Class.forName("KioskEndOfSession")
                        .getConstructor(String.class, Path.class, Path.class, int.class)
                        .newInstance(ACCOUNT, home, template, graceMs));
            } catch (ClassNotFoundException e) {
                System.out.println("(today's kiosk path not compiled in: this checkout's kiosk has no wipe; agent only)");
            }
        }

        System.out.printf(Locale.ROOT, "end of session -> done: %d runs, %d MB Chromium-like profile in the home, %d programs ignoring SIGTERM, kiosk grace %d ms, in %s%n",
                runs, sizeMb, apps, graceMs, work);
        System.out.printf(Locale.ROOT, "java %s, %d cpus, load average %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        Map<String, List<Long>> done = new LinkedHashMap<>();
        Map<String, List<Long>> background = new LinkedHashMap<>();
        Map<String, List<Long>> ending = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (EndOfSession way : ways) {
                long genStart = System.nanoTime();
                int files = plant(home, run, sizeMb * 1024L * 1024L);
                sh("chown -R -h " + uid + ":" + gid + " " + home + " && sync");
                startPrograms(uid, gid, home, apps);
                long genMs = ms(System.nanoTime() - genStart);
                long[] t = way.run();
                requireTemplateOnly(home, template, uid);
                done.computeIfAbsent(way.name(), k -> new ArrayList<>()).add(t[0]);
                background.computeIfAbsent(way.name(), k -> new ArrayList<>()).add(t[1]);
                ending.computeIfAbsent(way.name(), k -> new ArrayList<>()).add(t[2]);
                System.out.printf(Locale.ROOT, "run %d  %-70s done %5d ms (programs %4d ms, home %4d ms), background deletion %5d ms  (%d files planted+synced in %d ms)%n",
                        run, way.name(), t[0], t[2], t[0] - t[2], t[1], files, genMs);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-70s %s%n", "median (min-max) over " + runs + " runs",
                "end of session -> done | of which ending programs | background deletion");
        for (String name : done.keySet()) {
            List<Long> d = done.get(name);
            List<Long> e = ending.get(name);
            List<Long> b = background.get(name);
            System.out.printf(Locale.ROOT, "%-70s %5d ms (%d-%d) | %5d ms (%d-%d) | %5d ms (%d-%d)%n", name, median(d), min(d), max(d),
                    median(e), min(e), max(e), median(b), min(b), max(b));
        }
        System.out.println("goal: end of session -> done <= 500 ms with nothing of the visitor left");
        sh("rm -rf " + work);
    }

    /** A day's traces: the browser profile, and what the old list-of-folders wipe left. */
    static int plant(Path home, long seed, long profileBytes) throws IOException {
        int files = new BrowserProfileGenerator(seed).write(home.resolve(".config/chromium"), profileBytes);
        Files.createDirectories(home.resolve(".pki/nssdb"));
        Files.writeString(home.resolve(".pki/nssdb/cert9.db"), "cert");
        Files.writeString(home.resolve(".bash_history"), "history");
        Files.createDirectories(home.resolve(".local/share/Trash/files"));
        Files.writeString(home.resolve(".local/share/Trash/files/егн.pdf"), "deleted");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_ed25519"), "key");
        Files.writeString(home.resolve("CV.docx"), "cv");
        return files + 5;
    }

    /** Programs of the visitor that ignore SIGTERM, as a hung browser would; waits until all run. */
    static void startPrograms(int uid, int gid, Path home, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            new ProcessBuilder("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--",
                    "sh", "-c", "trap '' TERM; exec sleep 600")
                    .directory(home.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sleepersOf(uid) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the visitor's programs did not start");
            }
            Thread.sleep(5);
        }
    }

    static long sleepersOf(int uid) throws IOException {
        long n = 0;
        try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                try {
                    List<String> status = Files.readAllLines(p.resolve("status"));
                    boolean sleep = status.contains("Name:\tsleep");
                    boolean ours = status.stream().anyMatch(l -> l.startsWith("Uid:\t" + uid + "\t"));
                    boolean zombie = status.stream().anyMatch(l -> l.startsWith("State:\tZ"));
                    if (sleep && ours && !zombie) {
                        n++;
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        return n;
    }

    /** Nothing of the visitor left: its programs gone, its home exactly the template (the kiosk's trash aside). */
    static void requireTemplateOnly(Path home, Path template, int uid) throws IOException {
        if (sleepersOf(uid) != 0) {
            throw new IllegalStateException("programs of the visitor still running");
        }
        List<String> expected = relativeNames(template, "");
        List<String> actual = relativeNames(home, ".digiclub-trash");
        if (!expected.equals(actual)) {
            throw new IllegalStateException("home is not the template: " + actual);
        }
    }

    static List<String> relativeNames(Path root, String skip) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString())
                    .filter(n -> skip.isEmpty() || !(n.equals(skip) || n.startsWith(skip + "/")))
                    .sorted().toList();
        }
    }

    static void awaitEmpty(Path dir) throws InterruptedException, IOException {
        while (true) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }

    static void requireOk(List<WipeStepResult> results) {
        if (results.stream().anyMatch(r -> !r.ok())) {
            throw new IllegalStateException("failed: " + results);
        }
    }

    static void ensureAccount() throws Exception {
        if (new ProcessBuilder("id", ACCOUNT).start().waitFor() != 0) {
            sh("useradd --system --no-create-home --shell /usr/sbin/nologin " + ACCOUNT);
        }
    }

    static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(script + ": " + out);
        }
        return out;
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }

    /**
     * A browser profile shaped like Chromium's after a day of use: a disk cache of thousands of
     * mostly small entries, code cache, service-worker caches, LevelDB stores and a few SQLite-sized
     * files. Deterministic for a seed. (Moved from the kiosk's wipe benchmark, which issue 9 retires.)
     */
    static final class BrowserProfileGenerator {
        private final Random random;
        private final byte[] block = new byte[1 << 20];
        private int files;
        private long bytes;

        BrowserProfileGenerator(long seed) {
            this.random = new Random(seed);
            random.nextBytes(block);
        }

        int write(Path profileRoot, long targetBytes) throws IOException {
            Path profile = Files.createDirectories(profileRoot.resolve("Default"));
            for (String name : new String[] {"History", "Favicons", "Web Data", "Cookies", "Login Data", "Top Sites", "Shortcuts"}) {
                file(profile.resolve(name), 256 * 1024 + random.nextInt(4 << 20));
                file(profile.resolve(name + "-journal"), random.nextInt(64 * 1024));
            }
            file(profile.resolve("Preferences"), 40_000);
            file(profile.resolve("Secure Preferences"), 20_000);
            leveldb(profile.resolve("Local Storage/leveldb"), 12);
            leveldb(profile.resolve("Session Storage"), 8);
            for (int i = 0; i < 25; i++) {
                leveldb(profile.resolve("IndexedDB/https_site" + i + ".bg_0.indexeddb.leveldb"), 6);
            }
            Path cache = Files.createDirectories(profile.resolve("Cache/Cache_Data"));
            for (int i = 0; i < 4; i++) {
                file(cache.resolve("data_" + i), 1 << 20);
            }
            file(cache.resolve("index"), 512 * 1024);
            Path code = Files.createDirectories(profile.resolve("Code Cache/js"));
            Path wasm = Files.createDirectories(profile.resolve("Code Cache/wasm"));
            Path sw = Files.createDirectories(profile.resolve("Service Worker/CacheStorage"));
            Path gpu = Files.createDirectories(profileRoot.resolve("GrShaderCache"));
            int n = 0;
            // the browsing-dependent caches until the target size: 70 % HTTP cache, the rest split
            while (bytes < targetBytes) {
                int kind = random.nextInt(100);
                if (kind < 70) {
                    file(cache.resolve(String.format("f_%06x", n)), logNormalSize(9.0, 1.6));
                } else if (kind < 85) {
                    file(code.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(9.5, 1.2));
                } else if (kind < 87) {
                    file(wasm.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(11.0, 1.0));
                } else if (kind < 97) {
                    Path dir = Files.createDirectories(sw.resolve(String.format("%040x", n % 40)).resolve(String.format("uuid-%04d", n % 13)));
                    file(dir.resolve(String.format("%016x_0", random.nextLong())), logNormalSize(9.0, 1.5));
                } else {
                    file(gpu.resolve(String.format("data_%d", n)), logNormalSize(8.0, 1.0));
                }
                n++;
            }
            return files;
        }

        private void leveldb(Path dir, int tables) throws IOException {
            Files.createDirectories(dir);
            file(dir.resolve("CURRENT"), 16);
            file(dir.resolve("LOCK"), 0);
            file(dir.resolve("LOG"), 300);
            file(dir.resolve("MANIFEST-000001"), 1024);
            file(dir.resolve("000003.log"), random.nextInt(256 * 1024));
            for (int i = 0; i < tables; i++) {
                file(dir.resolve(String.format("%06d.ldb", 5 + i)), logNormalSize(10.0, 1.0));
            }
        }

        /** Sizes spread like cache entries: most a few KB, a long tail to a few MB (capped at 8 MB). */
        private int logNormalSize(double mu, double sigma) {
            double size = Math.exp(mu + sigma * random.nextGaussian());
            return (int) Math.min(size, 8 << 20);
        }

        private void file(Path path, int size) throws IOException {
            try (OutputStream out = Files.newOutputStream(path)) {
                int left = size;
                while (left > 0) {
                    int chunk = Math.min(left, block.length);
                    out.write(block, random.nextInt(block.length - chunk + 1), chunk);
                    left -= chunk;
                }
            }
            files++;
            bytes += size;
        }
    }
}
