package bg.digiclub.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.HealthStatus;

/**
 * Opens the agent's database in its data directory the way the agent must: a damaged file is
 * never a reason not to start, and never deleted.
 *
 * <p>If {@code agent.db} is not an SQLite database, or SQLite reports it corrupt, or
 * {@code PRAGMA integrity_check} is not "ok", the file, untouched, and its {@code -wal} and {@code -shm}
 * companions are renamed to {@code agent.db.corrupt-<UTC time>} (companions keep their suffix,
 * so the three still open together for inspection), a new database is started with what can
 * still be read from the old one ({@link Salvage}: enrolment, staff PIN, member cards, sessions,
 * outbox, sealed periods, alert history; not health samples), and a CRIT alert event for check
 * {@value #CHECK} says where the old file went and what was saved. It stays open until someone
 * closes it (a {@link StatusChange} to OK for check {@value #CHECK}): the old data needs a look.
 *
 * <p>Other failures — permissions, a full disk, a failing migration — are not damage: they are
 * thrown, and the file is left where it is.
 */
public final class DatabaseOpener {
    /** The check name of the alert raised when a damaged database was replaced. */
    public static final String CHECK = "database";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOpener.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path dataDir;
    private final Clock clock;

    public DatabaseOpener(Path dataDir, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The database file this opener opens. */
    public Path file() {
        return dataDir.resolve(Database.FILE_NAME);
    }

    /**
     * Opens, checks and migrates {@code agent.db}, replacing it if it is damaged (see the class comment).
     *
     * @throws SQLException if the database cannot be opened for a reason other than damage
     * @throws IOException  if a damaged database cannot be moved aside
     */
    public Database open() throws SQLException, IOException {
        Path file = file();
        Optional<String> damage = damage(file);
        if (damage.isEmpty()) {
            Database db = Database.connect(file);
            try {
                db.migrate();
                return db;
            } catch (SQLException e) {
                closeQuietly(db);
                if (!isDamage(e)) {
                    throw e;
                }
                damage = Optional.of(e.getMessage());
            } catch (RuntimeException e) {
                closeQuietly(db);
                throw e;
            }
        }
        Path movedTo = moveAside(file);
        Database fresh = Database.open(file);
        try {
            Salvage.Report salvaged = Salvage.copy(movedTo, fresh);
            String detail = "The database " + file + " was damaged (" + damage.get() + "). It was moved to " + movedTo
                    + " and a new database was started. " + salvaged.summary();
            LOG.error(detail);
            new AlertStore(fresh, clock)
                    .record(new StatusChange(CHECK, HealthStatus.UNKNOWN, HealthStatus.CRIT, clock.instant(), detail));
        } catch (SQLException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        return fresh;
    }

    /**
     * What is wrong with {@code file}, empty if nothing (or if it does not exist yet). Looks
     * without letting SQLite change anything: SQLite deletes the {@code -wal} beside a file
     * shorter than a page when it opens it, and a read-write connection copies the WAL into the
     * file when it closes. So the header is checked by hand first, then the integrity check
     * runs on a read-only connection, which can do neither.
     */
    private static Optional<String> damage(Path file) throws SQLException, IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            // A setup error, not damage: nothing to move aside.
            throw new IOException("the database " + file + " is not a regular file");
        }
        if (Files.size(file) == 0) {
            return Optional.empty();
        }
        Optional<String> header = headerDamage(file);
        if (header.isPresent()) {
            return header;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if ("ok".equals(first)) {
                return Optional.empty();
            }
            // SQLite may put a heading line ("*** in database main ***") before the first complaint.
            String complaint =
                    first.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(first);
            return Optional.of("integrity check failed: " + complaint);
        } catch (SQLException e) {
            if (isDamage(e)) {
                return Optional.of(e.getMessage());
            }
            throw e;
        }
    }

    /** The file must start with SQLite's magic string and be a whole number of its pages. */
    private static Optional<String> headerDamage(Path file) throws IOException {
        long size = Files.size(file);
        byte[] header = new byte[18];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        }
        if (read < header.length || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            return Optional.of("not an SQLite database: it does not start with the SQLite header");
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        if (pageSize == 1) {
            pageSize = 65_536;
        }
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return Optional.of("the header gives an impossible page size " + pageSize);
        }
        if (size % pageSize != 0) {
            return Optional.of("the file is " + size + " bytes, not a whole number of " + pageSize + "-byte pages");
        }
        return Optional.empty();
    }

    /** SQLITE_CORRUPT or SQLITE_NOTADB (any extended code), here or in a cause. */
    static boolean isDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xff;
                if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Renames the file and its companions. The companions go first: a stale {@code -wal} left
     * beside a new {@code agent.db} would be replayed into it.
     */
    private Path moveAside(Path file) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path target = dataDir.resolve(base);
        for (int n = 2; Files.exists(target) || Files.exists(companion(target, "-wal")); n++) {
            target = dataDir.resolve(base + "-" + n);
        }
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Path companion = companion(file, suffix);
            if (Files.exists(companion)) {
                Files.move(companion, companion(target, suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path companion(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void closeQuietly(Database db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (IllegalStateException e) {
            LOG.debug("closing a damaged database failed", e);
        }
    }
}
