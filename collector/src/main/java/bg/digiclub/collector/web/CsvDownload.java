package bg.digiclub.collector.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.ClubCounts;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.CsvExport;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.report.Reports;

/**
 * {@code /export.csv}: the programme-reporting CSV ({@link CsvExport}) of one club or, for the
 * municipality, of every club, as a download. A club's staff get their own club whatever they ask.
 */
final class CsvDownload {
    /** A byte order mark, so that spreadsheet programs read the Cyrillic names as UTF-8. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String ALL = "all";

    private final Reports reports;
    private final PageContext pages;

    CsvDownload(Reports reports, PageContext pages) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    void download(Context ctx, User user) throws SQLException, IOException {
        Period period = pages.period(ctx);
        String asked = ctx.queryParam("club");
        String clubId = asked == null || asked.equals(ALL) ? user.clubId() : asked;
        List<CsvExport.Row> rows;
        if (clubId == null) {
            rows = everyClub(period);
        } else {
            if (!user.maySee(clubId)) {
                pages.forbidden(ctx, user);
                return;
            }
            Optional<ClubReport> report = reports.club(clubId, period);
            if (report.isEmpty()) {
                pages.noClub(ctx, user, clubId);
                return;
            }
            rows = List.of(new CsvExport.Row(report.get().summary(), reports.counts(clubId, period)));
        }
        String name = "digiclub-" + (clubId == null ? ALL : clubId) + "-" + period.from() + "-" + period.to() + ".csv";
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(UTF8_BOM);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            CsvExport.write(out, period, rows);
        }
        ctx.result(bytes.toByteArray());
    }

    private List<CsvExport.Row> everyClub(Period period) throws SQLException {
        Map<String, ClubCounts> counts = reports.countsByClub(period);
        List<CsvExport.Row> rows = new ArrayList<>();
        for (ClubSummary summary : reports.overview(period)) {
            rows.add(new CsvExport.Row(
                    summary, counts.getOrDefault(summary.club().id(), ClubCounts.none())));
        }
        return rows;
    }
}
