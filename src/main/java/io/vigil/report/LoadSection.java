package io.vigil.report;

import io.vigil.config.Severity;
import io.vigil.report.HealthReport.Bar;
import io.vigil.report.HealthReport.Block;
import io.vigil.report.HealthReport.Chart;
import io.vigil.report.HealthReport.ChartKind;
import io.vigil.report.HealthReport.Line;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.ReportBuilder.Context;
import io.vigil.series.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Load over the range: each figure's average, 95th percentile and peak, charts, and Oracle's top wait classes. */
final class LoadSection {

    /** Host CPU busy on average above this is a finding. */
    static final double CPU_BUSY_PCT = 80;
    /** Wait classes shown as bars. */
    static final int WAIT_CLASSES = 8;

    private LoadSection() {
    }

    static Section build(Context c) {
        var m = c.m();
        var f = c.f();
        List<List<String>> rows = new ArrayList<>();
        List<Block> charts = new ArrayList<>();
        for (Metrics.Load load : c.metrics().load()) {
            Series s = c.reads().one(load.metric());
            if (s == null) {
                continue;
            }
            double mean = SeriesReads.mean(s);
            rows.add(List.of(m.get(load.key()), f.value(mean, load.unit()), f.value(SeriesReads.percentile(s, 95), load.unit()),
                    f.value(SeriesReads.max(s), load.unit())));
            if (load.metric().equals("oracle.host.cpu_busy_pct") && mean > CPU_BUSY_PCT) {
                c.finding(Severity.WARN, "report.finding.cpu", f.percent(mean));
            }
            if (load.charted()) {
                List<Series> chart = c.reads().chart(load.metric());
                if (!chart.isEmpty()) {
                    Series first = chart.getFirst();
                    charts.add(new Chart(m.get(load.key()), ChartKind.LINES, load.unit(), List.of(new Line(m.get(load.key()), first.times(), first.values())),
                            List.of(), "%".equals(load.unit()) ? 100 : Double.NaN));
                }
            }
        }
        if (rows.isEmpty()) {
            return c.empty("load", "report.load.none");
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of(m.get("report.col.figure"), m.get("report.col.average"), m.get("report.col.p95"), m.get("report.col.peak")),
                rows, List.of(false, true, true, true)));
        blocks.addAll(charts);
        if (c.metrics().waitClasses() != null) {
            List<Bar> bars = new ArrayList<>();
            for (Series s : c.reads().figures(c.metrics().waitClasses())) {
                double mean = SeriesReads.mean(s);
                String name = s.key().tags().getOrDefault(c.metrics().waitLabel(), "");
                if (Double.isFinite(mean) && mean > 0) {
                    bars.add(new Bar(name, mean, f.number(mean, 2)));
                }
            }
            bars.sort(Comparator.comparingDouble(Bar::value).reversed());
            if (!bars.isEmpty()) {
                blocks.add(new Chart(m.get("report.load.waitClasses"), ChartKind.BARS, "sessions", List.of(),
                        bars.subList(0, Math.min(WAIT_CLASSES, bars.size())), Double.NaN));
            }
        }
        return c.section("load", blocks);
    }
}
