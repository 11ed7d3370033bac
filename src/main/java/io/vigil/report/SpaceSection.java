package io.vigil.report;

import io.vigil.config.Severity;
import io.vigil.report.HealthReport.Bar;
import io.vigil.report.HealthReport.Block;
import io.vigil.report.HealthReport.Chart;
import io.vigil.report.HealthReport.ChartKind;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.HealthReport.Text;
import io.vigil.report.ReportBuilder.Context;
import io.vigil.series.Forecast;
import io.vigil.series.SeriesStore;
import io.vigil.series.SpaceForecast;
import io.vigil.series.SpaceForecasts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Space: each tablespace, the recovery area and each ASM disk group (each database on MySQL and PostgreSQL) with its
 * growth per day and days until full, as {@link SpaceForecasts} fits them over the report's range.
 */
final class SpaceSection {

    /** Full within this many days is critical, within {@link #WARN_DAYS} a warning. */
    static final double CRIT_DAYS = 7;
    static final double WARN_DAYS = 30;
    /** So full that it is worth saying even when it does not grow. */
    static final double FULL_PCT = 85;

    private SpaceSection() {
    }

    static Section build(Context c, SeriesStore store) {
        var reads = c.reads();
        // the fit ends where the range ends, and reads the whole range (never under the forecast's hour)
        SpaceForecasts forecasts = new SpaceForecasts(store, Clock.fixed(reads.to().minusMillis(1), ZoneOffset.UTC),
                Duration.between(reads.from(), reads.to()));
        List<SpaceForecast> all = forecasts.forecast(c.target().name(), c.target().kind());
        if (all.isEmpty()) {
            return c.empty("space", c.oracle() ? "report.space.none" : "report.space.noneKind", c.m().get("kind." + c.target().kind().name()));
        }
        var m = c.m();
        var f = c.f();
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (SpaceForecast s : all) {
            Forecast fc = s.forecast();
            String what = m.get("report.space.kind." + s.space().key());
            String subject = s.name().isEmpty() ? what : what + " " + s.name();
            double pct = fc.usedPercent();
            rows.add(List.of(what, s.name(), f.bytes(fc.lastValue()), f.bytes(fc.capacity()), f.percent(pct), growth(c, fc), days(c, fc)));
            if (Double.isFinite(pct)) {
                bars.add(new Bar(what + " " + s.name(), pct, f.percent(pct)));
            }
            finding(c, subject, fc);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of(m.get("report.col.space"), m.get("report.col.name"), m.get("report.col.used"), m.get("report.col.size"),
                m.get("report.col.usedPct"), m.get("report.col.growth"), m.get("report.col.full")), rows,
                List.of(false, false, true, true, true, true, true)));
        if (!bars.isEmpty()) {
            blocks.add(new Chart(m.get("report.space.chart"), ChartKind.BARS, "%", List.of(), bars, 100));
        }
        blocks.add(new Text(m.get("report.space.note"), true));
        return c.section("space", blocks);
    }

    private static String growth(Context c, Forecast fc) {
        var f = c.f();
        return switch (fc.verdict()) {
            case TOO_FEW_POINTS -> c.m().get("report.space.tooFew");
            case NOT_GROWING -> c.m().get("report.space.notGrowing");
            default -> c.m().get("report.space.perDay", f.bytes(fc.perDay()), f.bytes(fc.perDayLow()), f.bytes(fc.perDayHigh()),
                    f.number(fc.r2(), 2));
        };
    }

    private static String days(Context c, Forecast fc) {
        var f = c.f();
        return switch (fc.verdict()) {
            case ALREADY_FULL -> c.m().get("report.space.full");
            case GROWING -> fc.hasDays() ? c.m().get("report.space.days", f.days(fc.days()), range(c, fc)) : "\u2013";
            case NOT_GROWING -> c.m().get("report.space.notGrowing");
            case TOO_FEW_POINTS -> "\u2013";
        };
    }

    private static String range(Context c, Forecast fc) {
        return c.f().number(fc.daysSoonest(), 0) + "\u2013" + (Double.isFinite(fc.daysLatest()) ? c.f().number(fc.daysLatest(), 0) : "\u221e");
    }

    private static void finding(Context c, String subject, Forecast fc) {
        var f = c.f();
        String pct = f.percent(fc.usedPercent());
        switch (fc.verdict()) {
            case ALREADY_FULL -> c.finding(Severity.CRIT, "report.finding.spaceFull", subject);
            case GROWING -> {
                if (fc.hasDays() && fc.daysSoonest() <= WARN_DAYS) {
                    c.finding(fc.daysSoonest() <= CRIT_DAYS ? Severity.CRIT : Severity.WARN, "report.finding.spaceGrowing", subject, pct,
                            f.bytes(fc.perDay()), f.number(fc.days(), fc.days() < 2 ? 1 : 0), range(c, fc));
                } else if (Double.isFinite(fc.usedPercent()) && fc.usedPercent() >= FULL_PCT) {
                    c.finding(Severity.WARN, "report.finding.spaceFullish", subject, pct);
                }
            }
            case NOT_GROWING -> {
                if (Double.isFinite(fc.usedPercent()) && fc.usedPercent() >= FULL_PCT) {
                    c.finding(Severity.WARN, "report.finding.spaceFullNotGrowing", subject, pct);
                }
            }
            case TOO_FEW_POINTS -> {
            }
        }
    }
}
