import bg.digiclub.agent.store.Database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Cold JVM start to a migrated agent database, side by side in one run: (a) the agent's own open
 * ({@code Database.open}: its SQLite settings and the checksummed runner of {@code bg.digiclub.support.sql})
 * and (b) the same settings with Flyway migrating the same scripts ({@code db/migration/V*.sql}). Each
 * start is a fresh JVM with the agent's options ({@code agent/config/agent.jvm-options}) on a fresh file; the
 * two alternate so that the machine's state is shared fairly. Reported per side: time from process start to
 * "migrated" (the parent's clock), the migration inside the JVM, heap in use after a full GC, resident memory
 * and loaded classes at that point.
 *
 * <p>{@code run [--runs N] [--dir DIR]} drives; {@code child own|flyway FILE} is one start.
 */
public final class MigrationStartBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        int runs = 10;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "run" -> { }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (run [--runs N] [--dir DIR])");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir DIR is required (a scratch directory, emptied by run.sh)");
        }
        drive(runs, dir);
    }

    // ---- one start -------------------------------------------------------------------------

    private static void child(String side, Path file) throws Exception {
        long t0 = System.nanoTime();
        AutoCloseable open = switch (side) {
            case "own" -> Database.open(file);
            case "flyway" -> flyway(file);
            default -> throw new IllegalArgumentException("side own or flyway, was " + side);
        };
        long migrateMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("migrated");
        System.out.flush();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapKib = (rt.totalMemory() - rt.freeMemory()) / 1024;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("result migrate_ms=" + migrateMs + " heap_kib=" + heapKib + " rss_kib=" + rssKib()
                + " classes=" + classes + " tables=" + tables(file));
        open.close();
    }

    /** The agent's settings (Database.connect), then Flyway over the same scripts; one connection kept open. */
    private static AutoCloseable flyway(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        config.setJournalSizeLimit(4 * 1024 * 1024);
        config.setGetGeneratedKeys(false);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Connection connection = source.getConnection();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA auto_vacuum = INCREMENTAL");
            st.execute("PRAGMA journal_mode = WAL");
        }
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        return connection;
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int tables(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = source.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT IN ('schema_version', 'flyway_schema_history', 'sqlite_sequence')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ---- the driver ------------------------------------------------------------------------

    private static void drive(int runs, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        String options = System.getProperty("bench.jvmOptions");
        Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
        results.put("own", new ArrayList<>());
        results.put("flyway", new ArrayList<>());
        // one unmeasured start of each first: the page cache holds the JDK and the jars for both
        for (int run = -1; run < runs; run++) {
            for (String side : results.keySet()) {
                Path file = dir.resolve(side + "-" + run + ".db");
                Map<String, Long> one = start(java, options, classPath, side, file);
                if (run >= 0) {
                    results.get(side).add(one);
                }
            }
        }
        System.out.printf("%d cold starts each, alternating; median (min-max)%n", runs);
        System.out.printf("%-8s %-22s %-18s %-18s %-18s %-14s %s%n", "side", "start->migrated ms", "migrate ms",
                "heap after GC KiB", "RSS MiB", "classes", "tables");
        for (var side : results.entrySet()) {
            List<Map<String, Long>> all = side.getValue();
            System.out.printf("%-8s %-22s %-18s %-18s %-18s %-14s %s%n", side.getKey(), stat(all, "start_ms", 1),
                    stat(all, "migrate_ms", 1), stat(all, "heap_kib", 1), stat(all, "rss_kib", 1024),
                    stat(all, "classes", 1), stat(all, "tables", 1));
        }
    }

    private static Map<String, Long> start(String java, String options, String classPath, String side, Path file)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (options != null && !options.isBlank()) {
            command.add("@" + options);
        }
        command.addAll(List.of("-cp", classPath, MigrationStartBenchmark.class.getName(), "child", side, file.toString()));
        Map<String, Long> values = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("migrated")) {
                    values.put("start_ms", (System.nanoTime() - t0) / 1_000_000);
                } else if (line.startsWith("result ")) {
                    for (String pair : line.substring("result ".length()).split(" ")) {
                        String[] kv = pair.split("=");
                        values.put(kv[0], Long.parseLong(kv[1]));
                    }
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || !values.containsKey("tables")) {
            throw new IllegalStateException(side + " start failed (exit " + p.exitValue() + "):\n" + output);
        }
        return values;
    }

    private static String stat(List<Map<String, Long>> all, String key, long divisor) {
        List<Long> v = new ArrayList<>();
        for (Map<String, Long> one : all) {
            v.add(one.get(key));
        }
        Collections.sort(v);
        long median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        if (divisor == 1) {
            return median + " (" + v.get(0) + "-" + v.get(v.size() - 1) + ")";
        }
        return String.format("%.1f (%.1f-%.1f)", median / (double) divisor, v.get(0) / (double) divisor,
                v.get(v.size() - 1) / (double) divisor);
    }
}
