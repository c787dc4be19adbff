package bg.digiclub.collector.web;

import bg.digiclub.collector.report.DayCount;
import bg.digiclub.collector.report.HealthPoint;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.health.HealthStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SVG charts drawn on the server: no script and nothing fetched, so they work offline and print well. */
final class Charts {
    private static final String[] WEEKDAYS = {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"};

    private Charts() {
    }

    /** Sessions per day as bars, with the day and value in each bar's tooltip. */
    static String sessionsPerDay(List<DayCount> days) {
        int width = 900;
        int height = 220;
        int left = 44;
        int bottom = 28;
        int plotWidth = width - left - 10;
        int plotHeight = height - bottom - 12;
        long max = Math.max(1, days.stream().mapToLong(DayCount::sessions).max().orElse(1));
        long top = niceCeiling(max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"sessions-chart\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"Сесии по дни\">", width, height));
        for (int i = 0; i <= 4; i++) {
            double y = 12 + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                    left, width - 10, y, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
                    left - 6, y + 4, top * i / 4));
        }
        double slot = (double) plotWidth / Math.max(1, days.size());
        double bar = Math.max(1, slot * 0.8);
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            double h = plotHeight * (double) day.sessions() / top;
            double x = left + i * slot + (slot - bar) / 2;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\"><title>%s: %d сесии, %s ч</title></rect>", x, 12 + plotHeight - h, bar, h,
                    day.day(), day.sessions(), Html.hours(day.sessionMinutes())));
        }
        int labels = Math.min(days.size(), 6);
        for (int k = 0; k < labels; k++) {
            int i = labels == 1 ? 0 : (int) Math.round((days.size() - 1) * k / (double) (labels - 1));
            double x = left + i * slot + slot / 2;
            // the outermost labels are anchored inwards so that they are not cut at the edges
            String anchor = k == 0 ? "start" : k == labels - 1 ? "end" : "middle";
            double at = k == 0 ? left : k == labels - 1 ? width - 10 : x;
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                    at, height - 8, anchor, days.get(i).day()));
        }
        return svg.append("</svg>").toString();
    }

    /** Sessions started by weekday and hour of day; darker is busier. */
    static String heatmap(long[][] sessions) {
        int cell = 30;
        int left = 34;
        int topMargin = 20;
        long max = 1;
        for (long[] row : sessions) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart heatmap\" id=\"heatmap\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"Сесии по ден от седмицата и час\">", left + 24 * cell + 4,
                topMargin + 7 * cell + 4));
        for (int h = 0; h < 24; h += 2) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"14\" text-anchor=\"middle\">%02d</text>",
                    left + h * cell + cell / 2, h));
        }
        for (int d = 0; d < 7; d++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    left - 6, topMargin + d * cell + cell / 2 + 4, WEEKDAYS[d]));
            for (int h = 0; h < 24; h++) {
                long v = sessions[d][h];
                int level = v == 0 ? 0 : 1 + (int) Math.min(4, (v * 5 - 1) / max);
                svg.append(String.format(Locale.ROOT, "<rect class=\"heat heat-%d\" x=\"%d\" y=\"%d\" width=\"%d\" "
                        + "height=\"%d\"><title>%s %02d:00–%02d:59: %d сесии</title></rect>", level, left + h * cell,
                        topMargin + d * cell, cell - 2, cell - 2, WEEKDAYS[d], h, h, v));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One row per check (and the overall status) over time, coloured by status. */
    static String healthHistory(List<HealthPoint> points, Instant from, Instant to, ZoneId zone) {
        Set<String> names = new LinkedHashSet<>();
        names.add("общо");
        for (HealthPoint p : points) {
            for (CheckStatus c : p.checks()) {
                names.add(c.name());
            }
        }
        List<String> rows = new ArrayList<>(names);
        int left = 140;
        int rowHeight = 22;
        int width = 900;
        int plotWidth = width - left - 10;
        int height = 24 + rows.size() * rowHeight;
        double span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        double slotWidth = Math.max(1.5, plotWidth * 900 / span);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"health-chart\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"История на състоянието\">", width, height));
        for (int r = 0; r < rows.size(); r++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    left - 6, 20 + r * rowHeight + 14, Html.esc(rows.get(r))));
            svg.append(String.format(Locale.ROOT, "<rect class=\"lane\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                    left, 20 + r * rowHeight, plotWidth, rowHeight - 4));
        }
        for (HealthPoint p : points) {
            double x = left + plotWidth * (p.at().getEpochSecond() - from.getEpochSecond()) / span;
            for (int r = 0; r < rows.size(); r++) {
                HealthStatus status = r == 0 ? p.overall() : statusOf(p, rows.get(r));
                if (status == null) {
                    continue;
                }
                svg.append(String.format(Locale.ROOT, "<rect class=\"st-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        + "height=\"%d\"><title>%s %s: %s</title></rect>", status.name().toLowerCase(Locale.ROOT), x,
                        20 + r * rowHeight, slotWidth, rowHeight - 4, Html.time(p.at(), zone), Html.esc(rows.get(r)),
                        status));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"14\">%s</text>", left,
                Html.time(from, zone)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"14\" text-anchor=\"end\">%s</text>",
                width - 10, Html.time(to, zone)));
        return svg.append("</svg>").toString();
    }

    private static HealthStatus statusOf(HealthPoint point, String check) {
        for (CheckStatus c : point.checks()) {
            if (c.name().equals(check)) {
                return c.status();
            }
        }
        return null;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static long niceCeiling(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
