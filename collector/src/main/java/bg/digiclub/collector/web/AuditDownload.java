package bg.digiclub.collector.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.zip.ZipOutputStream;

import io.javalin.http.Context;

import bg.digiclub.collector.audit.AuditExport;
import bg.digiclub.collector.auth.Role;
import bg.digiclub.collector.auth.User;
import bg.digiclub.collector.report.Period;

/**
 * {@code /audit/export?from=&to=}: the audit export ({@link AuditExport}) of the period as one zip, for the
 * municipality only (a club's staff get 403: the export holds every club). A download changes nothing, so
 * it needs no CSRF token; it is streamed, since a year of a large municipality does not fit in memory.
 */
final class AuditDownload {
    private final AuditExport export;
    private final PageContext pages;
    private final ZoneId zone;

    AuditDownload(AuditExport export, PageContext pages, ZoneId zone) {
        this.export = Objects.requireNonNull(export, "export");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    void download(Context ctx, User user) throws SQLException, IOException {
        if (user.role() != Role.MUNICIPALITY) {
            pages.forbidden(ctx, user);
            return;
        }
        Period period = pages.period(ctx);
        String name = "digiclub-audit-" + period.from() + "-" + period.to() + ".zip";
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream())) {
            export.write(new AuditExport.Period(period.from(), period.to(), zone), AuditExport.into(zip));
        }
    }
}
