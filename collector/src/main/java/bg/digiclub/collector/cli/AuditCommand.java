package bg.digiclub.collector.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.collector.audit.AuditExport;
import bg.digiclub.collector.audit.AuditReport;
import bg.digiclub.collector.audit.AuditVerifier;
import bg.digiclub.collector.audit.Finding;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.store.Database;

/** {@code audit verify} and {@code audit export} (docs/collector.md, "Audit: the batch log and the export"). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit trail: verify the batch log, export everything for a period.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand {
    /** Findings printed at most; the count of the rest is said. */
    static final int SHOWN = 20;

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Recompute every logged batch's figures and the derived tables, walk the hash chain. "
                    + "Exit 0 if everything holds, 1 naming the first bad batch or link.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                AuditReport report = new AuditVerifier(db).verify();
                System.out.println("batch log: " + report.lines() + " lines (the genesis included), " + report.batches()
                        + " batches' figures recomputed, " + report.derivedRows()
                        + " derived rows recomputed; head: line "
                        + report.head().seq() + " " + report.head().hash());
                if (report.holds()) {
                    System.out.println("verified: every logged batch's figures, the chain and the derived tables hold");
                    return 0;
                }
                System.out.println("FAILED: " + report.findings().get(0).text());
                report.findings().stream()
                        .skip(1)
                        .limit(SHOWN - 1)
                        .map(Finding::text)
                        .forEach(text -> System.out.println("  also: " + text));
                if (report.findings().size() > SHOWN) {
                    System.out.println("  and " + (report.findings().size() - SHOWN) + " more");
                }
                return 1;
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write every table the collector holds for the period as CSV and JSON, with manifest.json "
                    + "(SHA-256 of each file, rows, the chain's head). Credentials' hashes and card keys are left out.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The first day.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "The last day.")
        LocalDate to;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write into.")
        Path out;

        @Option(
                names = "--zone",
                defaultValue = CollectorServer.MUNICIPALITY_ZONE_ID,
                description = "The time zone of the days, for instants (default: ${DEFAULT-VALUE}).")
        ZoneId zone;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                AuditExport.Manifest manifest = new AuditExport(db, Clock.systemUTC())
                        .write(new AuditExport.Period(from, to, zone), AuditExport.into(out));
                long rows = manifest.tables().stream()
                        .mapToLong(AuditExport.TableRows::rows)
                        .sum();
                System.out.println("exported " + manifest.tables().size() + " tables, " + rows + " rows, "
                        + manifest.files().size() + " files and manifest.json into " + out + "; chain head: line "
                        + manifest.chainHead().seq() + " "
                        + manifest.chainHead().hash());
                return 0;
            }
        }
    }
}
