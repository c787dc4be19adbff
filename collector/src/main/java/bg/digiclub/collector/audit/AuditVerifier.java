package bg.digiclub.collector.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.support.sql.SqlDatabase;

/**
 * {@code collector audit verify}: on one consistent snapshot, walks the {@link BatchLog} line by line
 * (numbers without gaps, each line's hash over its fields, each {@code prev_hash} the hash of the line
 * before, the head at the last line), recomputes every logged batch's figures hash from the tables as they
 * are and compares it with the logged one (and the batch's {@code batches} row with its line), recomputes
 * the hash of the rows that belong to no logged batch and compares it with the genesis, and recomputes the
 * dashboard's derived tables from the raw rows ({@link DerivedFigures}). It also reports every time the log's
 * triggers were found not in place: at a start ({@link ChainEntry#GUARD_RESTORED} lines, which {@link
 * BatchLog#prepare} writes before it re-creates them, so that opening the database to verify it cannot hide
 * their absence) and now, on the snapshot ({@link LogGuard#faults}).
 */
public final class AuditVerifier {
    private final SqlDatabase database;

    public AuditVerifier(SqlDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public AuditReport verify() throws SQLException {
        return database.read(c -> {
            List<Finding> findings = new ArrayList<>();
            Walk walk = walk(c, findings);
            BatchLog.Head head = BatchLog.head(c);
            if (walk.last == null) {
                findings.add(new Finding(
                        Finding.Kind.BROKEN_LINK,
                        0,
                        null,
                        "the batch log is empty: its genesis "
                                + "is missing (the collector writes it at its first start after migration V9)"));
            } else if (head.seq() != walk.last.seq() || !head.hash().equals(walk.last.hash())) {
                findings.add(new Finding(
                        Finding.Kind.BROKEN_LINK,
                        walk.last.seq(),
                        walk.last.batchId(),
                        "the chain's head is line " + head.seq() + " but the log ends at line " + walk.last.seq()
                                + (head.seq() > walk.last.seq() ? ": the lines after it were removed" : "")
                                + (head.seq() == walk.last.seq()
                                        ? " with another hash: the last line was replaced"
                                        : "")));
            }
            if (walk.genesis != null) {
                String outside = FiguresText.outsideTheLog(c);
                if (!outside.equals(walk.genesis.figuresHash())) {
                    findings.add(new Finding(
                            Finding.Kind.ROWS_OUTSIDE_CHANGED,
                            walk.genesis.seq(),
                            null,
                            "the raw rows that belong to no logged batch differ from those the genesis (line "
                                    + walk.genesis.seq() + ") vouches for: a row stored before the chain began was "
                                    + "edited or removed, a row was added outside any batch, or a logged batch's line "
                                    + "is missing"));
                }
            }
            long derived = DerivedFigures.check(c, findings);
            for (ChainEntry line : walk.guardRestored) {
                findings.add(new Finding(
                        Finding.Kind.LOG_UNGUARDED,
                        line.seq(),
                        null,
                        "line " + line.seq() + ": at " + Instant.ofEpochMilli(line.receivedAt())
                                + " the collector found the triggers that keep batch_log append-only missing, "
                                + "disabled or altered, and re-created them (its log names what it found). Until "
                                + "then the database refused no UPDATE or DELETE on the log: a line changed in that "
                                + "time still breaks the chain, unless every line after it and the head were "
                                + "rewritten to match"));
            }
            List<String> faults = LogGuard.faults(c);
            if (!faults.isEmpty()) {
                findings.add(new Finding(
                        Finding.Kind.LOG_UNGUARDED,
                        0,
                        null,
                        "the triggers that keep batch_log append-only are not in place now: "
                                + String.join("; ", faults)));
            }
            Collections.sort(findings);
            return new AuditReport(walk.lines, walk.batches, head, derived, findings);
        });
    }

    /** What walking the log saw. */
    private static final class Walk {
        long lines;
        long batches;
        ChainEntry genesis;
        ChainEntry last;
        final List<ChainEntry> guardRestored = new ArrayList<>();
    }

    private static Walk walk(Connection c, List<Finding> findings) throws SQLException {
        Walk walk = new Walk();
        List<ChainEntry> chunk = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT seq, batch_id, device_id, kind, received_at, "
                        + "figures_hash, prev_hash, hash FROM batch_log ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ChainEntry line = new ChainEntry(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getLong(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8));
                link(walk.last, line, findings);
                walk.lines++;
                walk.last = line;
                if (line.isGenesis()) {
                    if (walk.genesis == null) {
                        walk.genesis = line;
                    }
                } else if (line.isGuardRestored()) {
                    walk.guardRestored.add(line);
                } else {
                    chunk.add(line);
                    if (chunk.size() == FiguresText.CHUNK) {
                        walk.batches += figures(c, chunk, findings);
                        chunk.clear();
                    }
                }
            }
        }
        walk.batches += figures(c, chunk, findings);
        return walk;
    }

    /** Checks one line against the line before it (null before the first). */
    private static void link(ChainEntry before, ChainEntry line, List<Finding> findings) {
        long expected = before == null ? 1 : before.seq() + 1;
        String where = "line " + line.seq() + (line.batchId() == null ? "" : " (batch " + line.batchId() + ")");
        if (line.seq() != expected) {
            findings.add(new Finding(
                    Finding.Kind.BROKEN_LINK,
                    line.seq(),
                    line.batchId(),
                    "the chain is broken at " + where + ": line" + (line.seq() - expected > 1 ? "s " : " ") + expected
                            + (line.seq() - expected > 1 ? "-" + (line.seq() - 1) : "") + " missing"));
        } else if (before == null ? !line.isGenesis() : !line.prevHash().equals(before.hash())) {
            findings.add(new Finding(
                    Finding.Kind.BROKEN_LINK,
                    line.seq(),
                    line.batchId(),
                    "the chain is broken at " + where + ": its prev_hash is not the hash of the line before"));
        } else if (before == null && !line.prevHash().equals(ChainEntry.ZERO)) {
            findings.add(new Finding(
                    Finding.Kind.BROKEN_LINK, line.seq(), null, "the genesis' prev_hash is not " + ChainEntry.ZERO));
        }
        if (!line.recomputedHash().equals(line.hash())) {
            findings.add(new Finding(
                    Finding.Kind.EDITED_LINE,
                    line.seq(),
                    line.batchId(),
                    where + " was edited: its hash is not the hash of its fields"));
        }
    }

    /** Recomputes the chunk's figures and compares them and the batches' rows with their lines. */
    private static int figures(Connection c, List<ChainEntry> chunk, List<Finding> findings) throws SQLException {
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<String, String> now =
                FiguresText.ofBatches(c, chunk.stream().map(ChainEntry::batchId).toList());
        Map<String, String> rows = batchRows(c, chunk);
        for (ChainEntry line : chunk) {
            String where = "batch " + line.batchId() + " (line " + line.seq() + ", device " + line.deviceId() + ")";
            if (!line.figuresHash().equals(now.get(line.batchId()))) {
                findings.add(new Finding(
                        Finding.Kind.FIGURES_CHANGED,
                        line.seq(),
                        line.batchId(),
                        where + ": the figures stored now differ from those it stored (figures hash "
                                + now.get(line.batchId()) + ", logged " + line.figuresHash() + ")"));
            }
            String expected = line.deviceId() + "|" + line.kind() + "|" + line.receivedAt();
            String row = rows.get(line.batchId());
            if (!expected.equals(row)) {
                findings.add(new Finding(
                        Finding.Kind.FIGURES_CHANGED,
                        line.seq(),
                        line.batchId(),
                        where
                                + (row == null
                                        ? ": its batches row is missing"
                                        : ": its batches row (device|kind|received_at " + row
                                                + ") differs from its line")));
            }
        }
        return chunk.size();
    }

    private static Map<String, String> batchRows(Connection c, List<ChainEntry> chunk) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT batch_id, device_id, kind, received_at FROM "
                + "batches WHERE batch_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
            for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 1, chunk.get(i).batchId());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2) + "|" + row.getString(3) + "|" + row.getLong(4));
                }
            }
        }
        return rows;
    }
}
