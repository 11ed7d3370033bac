package io.vigil.gather;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import io.vigil.config.MetricDef;
import io.vigil.i18n.Reason;

/**
 * Pick runs a metric's SQL over the cache, bound to one target: every {@code ?} is the target's id. The value is the
 * column named {@code value} (or the last column); label columns become labels. The connection is read-only and the
 * query has a timeout, so a bad metric can neither write nor hang the collector.
 */
public final class Pick {

    static final int TIMEOUT_SECONDS = 20;

    private Pick() {
    }

    public static List<PickedValue> run(Connection cache, MetricDef metric, long targetId) {
        try {
            // a connection of the cache's read-only pool already is: asking again costs MySQL two round trips per pick
            boolean wasReadOnly = cache.isReadOnly();
            if (!wasReadOnly) {
                cache.setReadOnly(true);
            }
            try (PreparedStatement ps = cache.prepareStatement(metric.sql())) {
                ps.setQueryTimeout(TIMEOUT_SECONDS);
                int params = ps.getParameterMetaData().getParameterCount();
                for (int i = 1; i <= params; i++) {
                    ps.setLong(i, targetId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return read(rs, metric);
                }
            } finally {
                if (!wasReadOnly) {
                    cache.setReadOnly(false);
                }
            }
        } catch (SQLException e) {
            String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new PickFailure(Reason.of("reason.pick.sql", metric.name(), detail), metric.name() + ": its SQL failed on the cache: " + detail, e);
        }
    }

    private static List<PickedValue> read(ResultSet rs, MetricDef metric) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int valueColumn = md.getColumnCount();
        boolean named = false;
        List<Integer> labelColumns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (label.equals("value")) {
                valueColumn = i;
                named = true;
            }
            for (String wanted : metric.labelColumns()) {
                if (wanted.equalsIgnoreCase(label)) {
                    labelColumns.add(i);
                }
            }
        }
        if (labelColumns.size() < metric.labelColumns().size()) {
            throw new PickFailure(Reason.of("reason.pick.labels", metric.name(), String.join(", ", metric.labelColumns())),
                    metric.name() + ": its SQL does not return the label columns " + metric.labelColumns());
        }
        List<PickedValue> values = new ArrayList<>();
        while (rs.next()) {
            TreeMap<String, String> labels = new TreeMap<>();
            for (int col : labelColumns) {
                String v = rs.getString(col);
                labels.put(md.getColumnLabel(col).toLowerCase(Locale.ROOT), v == null ? "" : v);
            }
            values.add(new PickedValue(labels, number(rs, valueColumn, metric, md.getColumnLabel(valueColumn), named)));
        }
        return values;
    }

    private static double number(ResultSet rs, int column, MetricDef metric, String label, boolean named) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw == null) {
            return Double.NaN; // no value in this row: it is skipped, not archived as zero
        }
        if (raw instanceof Number n) {
            return finite(n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue());
        }
        String text = raw.toString().strip();
        try {
            return finite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            String shown = io.vigil.config.InputProblem.cut(text);
            if (!named) {
                // no column is named value, so the last one was taken, and it is text: say how to name the figure
                throw new PickFailure(Reason.of("reason.pick.noValue", metric.name(), label, shown),
                        metric.name() + ": no column is named value, and the last one, " + label + ", holds \u201c" + shown
                                + "\u201d, which is not a number");
            }
            throw new PickFailure(Reason.of("reason.pick.notNumber", metric.name(), label, shown),
                    metric.name() + ": column " + label + " holds \u201c" + shown + "\u201d, which is not a number");
        }
    }

    // An infinity (a number beyond a double, or "Infinity" as text) is no figure to chart or archive: the row is skipped
    private static double finite(double d) {
        return Double.isFinite(d) ? d : Double.NaN;
    }
}
