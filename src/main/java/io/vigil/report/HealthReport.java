package io.vigil.report;

import io.vigil.config.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A health report of one target over a range, already worded in its language: what {@link HtmlReport} lays out.
 *
 * @param title       the report's title line
 * @param target      the target's name
 * @param kind        the kind in words (e.g. "Oracle")
 * @param address     where it is (host, port, service); never a user or a password
 * @param from        start of the range
 * @param to          end of the range
 * @param generatedAt when it was made
 * @param version     Vigil's version
 * @param findings    the findings, most severe first
 * @param sections    the sections, in reading order
 * @param labels      the fixed words of the layout (headings, footer), in the report's language
 */
public record HealthReport(String title, String target, String kind, String address, Instant from, Instant to, Instant generatedAt,
                           String version, List<Finding> findings, List<Section> sections, Labels labels) {

    public HealthReport {
        findings = List.copyOf(findings);
        sections = List.copyOf(sections);
    }

    /** One sentence a reader acts on, with how bad it is. */
    public record Finding(Severity severity, String text) {
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(text, "text");
        }
    }

    /** One area of the report: a heading and its blocks; {@code empty} holds the one line said when it has no data. */
    public record Section(String id, String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A part of a section. */
    public sealed interface Block permits Text, Table, Chart {
    }

    /** A paragraph; {@code muted} for the "no data" lines. */
    public record Text(String text, boolean muted) implements Block {
    }

    /** A table: column headings and rows of cells (already formatted); {@code numeric} marks right-aligned columns. */
    public record Table(List<String> headings, List<List<String>> rows, List<Boolean> numeric) implements Block {
        public Table {
            headings = List.copyOf(headings);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
        }
    }

    /** A chart: a line chart of series over time, or horizontal bars of one value per name. */
    public record Chart(String caption, ChartKind kind, String unit, List<Line> lines, List<Bar> bars, double ceiling) implements Block {
        public Chart {
            lines = List.copyOf(lines);
            bars = List.copyOf(bars);
        }
    }

    /** How a chart is drawn. */
    public enum ChartKind { LINES, BARS }

    /** One line of a line chart (epoch milliseconds and values). */
    public record Line(String name, long[] times, double[] values) {
    }

    /** One bar: a name, its value and the value in words. */
    public record Bar(String name, double value, String shown) {
    }

    /** Fixed words of the layout. */
    public record Labels(String lang, String findings, String noFindings, String range, String generated, String vigil, String targetLabel,
                         String severityCrit, String severityWarn, String severityInfo, String rangeText, String generatedText) {
    }
}
