package bg.digiclub.collector.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Breakdown;
import bg.digiclub.collector.report.ClubReport;
import bg.digiclub.collector.report.ClubSummary;
import bg.digiclub.collector.report.CsvExport;
import bg.digiclub.collector.report.Period;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.report.programme.DashboardBreakdowns;
import bg.digiclub.collector.report.programme.ProgrammeCsv;
import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportBands;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;

/**
 * The CSV downloads: {@code /export.csv}, the dashboard's CSV ({@link CsvExport}) of one club or,
 * for the municipality, of every club; and {@code /reports/programme.csv}, the programme report
 * ({@link ProgrammeCsv}). A club's staff get their own club whatever they ask for the first, and
 * are refused another club or the municipality for the second.
 */
final class CsvDownload {
    /**
     * The programme report's CSV: {@code ?scope=municipality|<club id>&period=<period>}, the period as
     * {@link ReportPeriod#parse} reads it; no scope is the user's own (their club, or the municipality).
     */
    static final String PROGRAMME_CSV = "/reports/programme.csv";

    /** A byte order mark, so that spreadsheet programs read the Cyrillic names as UTF-8. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String ALL = "all";

    private final Reports reports;
    private final DashboardBreakdowns breakdowns;
    private final ProgrammeReports programme;
    private final ReportBands bands;
    private final PageContext pages;

    CsvDownload(
            Reports reports,
            DashboardBreakdowns breakdowns,
            ProgrammeReports programme,
            ReportBands bands,
            PageContext pages) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.breakdowns = Objects.requireNonNull(breakdowns, "breakdowns");
        this.programme = Objects.requireNonNull(programme, "programme");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** A CSV written into the answer as an attachment, after a byte order mark. */
    @FunctionalInterface
    private interface CsvBody {
        void writeTo(Writer out) throws IOException;
    }

    void download(Context ctx, User user) throws SQLException, IOException {
        Period period = pages.period(ctx);
        String asked = ctx.queryParam("club");
        String clubId = asked == null || asked.equals(ALL) ? user.clubId() : asked;
        List<ClubSummary> summaries;
        if (clubId == null) {
            summaries = reports.overview(period);
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
            summaries = List.of(report.get().summary());
        }
        // breakdowns by age, sex and tile only for whole months that have settled (the programme
        // report's rules); else empty columns, and the note says why
        DashboardBreakdowns.Answer answer = breakdowns.of(period);
        Optional<DashboardBreakdowns.Published> published = answer.published();
        String note = BreakdownNote.of(pages.text(ctx), answer)
                .map(BreakdownNote::text)
                .orElse("");
        List<CsvExport.Row> rows = new ArrayList<>();
        for (ClubSummary summary : summaries) {
            rows.add(new CsvExport.Row(
                    summary, breakdownOf(published, summary.club().id())));
        }
        Breakdown all = published.map(DashboardBreakdowns.Published::all).orElse(null);
        attachment(
                ctx,
                "digiclub-" + (clubId == null ? ALL : clubId) + "-" + period.from() + "-" + period.to() + ".csv",
                out -> CsvExport.write(out, period, rows, all, note));
    }

    /** {@value #PROGRAMME_CSV}: the programme report of a scope and period. */
    void programme(Context ctx, User user) throws SQLException, IOException {
        ReportPeriod period = ReportPeriod.parse(ctx.queryParam("period"));
        ReportScope scope = ProgrammePages.scope(ctx.queryParam("scope"), user);
        if (!ProgrammePages.maySee(user, scope)) {
            pages.forbidden(ctx, user);
            return;
        }
        Optional<ProgrammeReport> report = programme.report(scope, period);
        if (report.isEmpty()) {
            pages.noClub(ctx, user, scope.clubId());
            return;
        }
        attachment(
                ctx,
                "digiclub-programme-" + scope.name() + "-" + period.name() + ".csv",
                out -> ProgrammeCsv.write(out, report.get(), bands));
    }

    private static Breakdown breakdownOf(Optional<DashboardBreakdowns.Published> published, String clubId) {
        return published.map(p -> p.byClub().get(clubId)).orElse(null);
    }

    private static void attachment(Context ctx, String name, CsvBody body) throws IOException {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(UTF8_BOM);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            body.writeTo(out);
        }
        ctx.result(bytes.toByteArray());
    }
}
