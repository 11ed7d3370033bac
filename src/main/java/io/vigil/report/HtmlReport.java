package io.vigil.report;

import io.vigil.config.Severity;
import io.vigil.report.HealthReport.Block;
import io.vigil.report.HealthReport.Chart;
import io.vigil.report.HealthReport.Finding;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.HealthReport.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Lays a {@link HealthReport} out as one HTML file: inline CSS, inline SVG charts, system fonts, no script and no
 * link to anything, so it opens the same offline in any browser and prints on A4 with a section per page break.
 * Every value is escaped: a name or a statement holding markup shows as text.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The report as HTML text. */
    public static String render(HealthReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(escape(r.labels().lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(r.title())).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header class=\"cover\"><div class=\"brand\">Vigil</div><h1>").append(escape(r.title())).append("</h1>\n<p class=\"meta\">")
                .append(escape(r.kind())).append(" \u00b7 ").append(escape(r.address())).append("<br>").append(escape(r.labels().rangeText()))
                .append("</p></header>\n");
        h.append("<section class=\"findings\"><h2>").append(escape(r.labels().findings())).append("</h2>\n");
        if (r.findings().isEmpty()) {
            h.append("<p class=\"muted\">").append(escape(r.labels().noFindings())).append("</p>\n");
        } else {
            h.append("<ol class=\"findings\">\n");
            for (Finding x : r.findings()) {
                String sev = x.severity().name().toLowerCase(java.util.Locale.ROOT);
                h.append("<li class=\"").append(sev).append("\"><span class=\"badge ").append(sev).append("\">").append(escape(severity(r, x.severity())))
                        .append("</span> ").append(escape(x.text())).append("</li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n");
        for (Section s : r.sections()) {
            h.append("<section class=\"part\" id=\"").append(escape(s.id())).append("\"><h2>").append(escape(s.heading())).append("</h2>\n");
            for (Block b : s.blocks()) {
                switch (b) {
                    case Text t -> h.append("<p").append(t.muted() ? " class=\"muted\"" : "").append(">").append(escape(t.text())).append("</p>\n");
                    case Table t -> table(h, t);
                    case Chart c -> h.append("<figure class=\"chart\">").append(SvgChart.draw(c, v -> axis(v, c.unit()), HtmlReport::axisTime))
                            .append("<figcaption>").append(escape(c.caption())).append("</figcaption></figure>\n");
                }
            }
            h.append("</section>\n");
        }
        h.append("<footer><span>").append(escape(r.labels().range())).append(": ").append(escape(r.labels().rangeText())).append("</span><span>")
                .append(escape(r.labels().generated())).append(": ").append(escape(r.labels().generatedText())).append("</span><span>")
                .append(escape(r.labels().vigil())).append(": ").append(escape(r.version())).append("</span><span>")
                .append(escape(r.labels().targetLabel())).append(": ").append(escape(r.target())).append(" (").append(escape(r.address()))
                .append(")</span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Writes the report to a file (through a temporary file beside it, so a half-written report never replaces a whole one).
     * The file gets the ordinary permissions of a new file, as any document the user hands over.
     */
    public static void write(HealthReport r, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, render(r), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<table><thead><tr>");
        for (int i = 0; i < t.headings().size(); i++) {
            h.append("<th").append(numeric(t, i)).append(">").append(escape(t.headings().get(i))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (var row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append("<td").append(numeric(t, i)).append(">").append(escape(row.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String numeric(Table t, int i) {
        return i < t.numeric().size() && t.numeric().get(i) ? " class=\"num\"" : "";
    }

    private static String severity(HealthReport r, Severity s) {
        return switch (s) {
            case CRIT -> r.labels().severityCrit();
            case WARN -> r.labels().severityWarn();
            case INFO -> r.labels().severityInfo();
        };
    }

    private static String axis(double v, String unit) {
        String n = Math.abs(v) >= 100 || v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
        return "%".equals(unit) ? n + " %" : n;
    }

    private static String axisTime(long millis) {
        return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault()).format(Instant.ofEpochMilli(millis));
    }

    /** Text made safe for HTML content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
            * { box-sizing: border-box; }
            body { font-family: "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
                   color: #1d2733; background: #fff; margin: 0 auto; max-width: 900px; padding: 24px 28px; font-size: 13px; line-height: 1.45; }
            .cover { border-bottom: 3px solid #1f5fa8; padding-bottom: 12px; margin-bottom: 18px; }
            .brand { font-weight: 700; letter-spacing: .12em; color: #1f5fa8; text-transform: uppercase; font-size: 12px; }
            h1 { font-size: 24px; margin: 4px 0 6px; }
            h2 { font-size: 16px; color: #1f5fa8; border-bottom: 1px solid #d5dde6; padding-bottom: 3px; margin: 22px 0 8px; }
            .meta { color: #566474; margin: 0; }
            .muted { color: #6b7785; font-style: italic; }
            ol.findings { padding-left: 0; list-style: none; margin: 0; }
            ol.findings li { padding: 6px 10px; margin: 4px 0; border-left: 4px solid #8895a3; background: #f5f7f9; }
            ol.findings li.crit { border-color: #c0392b; background: #fcefed; }
            ol.findings li.warn { border-color: #d68910; background: #fdf6e8; }
            .badge { display: inline-block; min-width: 58px; text-align: center; font-size: 11px; font-weight: 600; color: #fff;
                     background: #8895a3; border-radius: 3px; padding: 1px 6px; margin-right: 6px; }
            .badge.crit { background: #c0392b; } .badge.warn { background: #d68910; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12px; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e8ee; vertical-align: top; word-break: break-word; }
            th { background: #eef2f6; font-weight: 600; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            figure.chart { margin: 8px 0 12px; page-break-inside: avoid; break-inside: avoid; }
            figcaption { color: #566474; font-size: 11px; text-align: center; }
            svg { display: block; max-width: 100%; height: auto; }
            svg .grid { stroke: #e3e8ee; stroke-width: 1; }
            svg .frame { fill: none; stroke: #b8c3cf; stroke-width: 1; }
            svg .track { fill: #eef2f6; }
            svg .axis, svg .label { font-size: 11px; fill: #566474; font-family: inherit; }
            svg .label { fill: #1d2733; }
            section.part { page-break-inside: avoid; break-inside: avoid-page; }
            footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid #d5dde6; color: #6b7785; font-size: 11px; display: flex;
                     flex-wrap: wrap; gap: 4px 18px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              .findings { page-break-after: always; break-after: page; }
              h2 { page-break-after: avoid; break-after: avoid; }
              ol.findings li, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .badge, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
