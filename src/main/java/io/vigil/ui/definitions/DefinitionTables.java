package io.vigil.ui.definitions;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.RuleType;
import io.vigil.i18n.Messages;

/** The mirrors, metrics and alert rules tables: sortable by every column, with a tick box that switches a definition on or off. */
final class DefinitionTables {

    private final Messages messages;

    DefinitionTables(Messages messages) {
        this.messages = messages;
    }

    TableView<MirrorDef> mirrors(ObservableList<MirrorDef> rows, BiConsumer<MirrorDef, Boolean> enable, Consumer<MirrorDef> open) {
        TableView<MirrorDef> table = table("mirrorsTable", rows, open);
        table.getColumns().add(enabled(MirrorDef::enabled, enable));
        table.getColumns().add(firm(text("definitions.col.name", MirrorDef::name, 170)));
        table.getColumns().add(text("definitions.col.kind", m -> messages.get("kind.short." + m.kind().name()), 90));
        table.getColumns().add(firm(text("mirrors.col.table", MirrorDef::cacheTable, 170)));
        table.getColumns().add(number("definitions.col.interval", MirrorDef::intervalSeconds, "definitions.seconds", 75));
        table.getColumns().add(number("mirrors.col.rowCap", MirrorDef::rowCap, null, 80));
        table.getColumns().add(text("mirrors.col.mode", m -> m.mode() == MirrorMode.APPEND
                ? messages.get("mirrors.mode.appendBy", m.watermarkColumn()) : messages.get("mirrors.mode.replace"), 140));
        table.getColumns().add(text("mirrors.col.since", MirrorDef::minVersion, 60));
        table.getColumns().add(text("definitions.col.description",
                m -> messages.mirrorDescription(m.kind().name().toLowerCase(java.util.Locale.ROOT), m.name(), m.description()), 200));
        return table;
    }

    TableView<MetricDef> metrics(ObservableList<MetricDef> rows, BiConsumer<MetricDef, Boolean> enable, Consumer<MetricDef> open) {
        TableView<MetricDef> table = table("metricsTable", rows, open);
        table.getColumns().add(enabled(MetricDef::enabled, enable));
        table.getColumns().add(firm(text("definitions.col.name", MetricDef::name, 240)));
        table.getColumns().add(text("metrics.col.title", m -> messages.metricTitle(m.name()), 180));
        table.getColumns().add(text("definitions.col.kind", m -> messages.get("kind.short." + m.kind().name()), 90));
        table.getColumns().add(text("metrics.col.type", m -> messages.get("metricForm.type." + m.type().name()), 80));
        table.getColumns().add(firm(text("metrics.col.unit", m -> m.type() == MetricType.COUNTER && m.unit().isEmpty() ? "/s" : m.unit(), 80)));
        table.getColumns().add(number("definitions.col.interval", MetricDef::intervalSeconds, "definitions.seconds", 75));
        table.getColumns().add(text("metrics.col.mirrors", m -> String.join(", ", m.mirrors()), 140));
        table.getColumns().add(text("metrics.col.labels", m -> String.join(", ", m.labelColumns()), 110));
        table.getColumns().add(threshold("metrics.col.warn", MetricDef::warn));
        table.getColumns().add(threshold("metrics.col.crit", MetricDef::crit));
        table.getColumns().add(text("definitions.col.description", MetricDef::description, 200));
        return table;
    }

    TableView<AlertRule> rules(ObservableList<AlertRule> rows, BiConsumer<AlertRule, Boolean> enable, Consumer<AlertRule> open) {
        TableView<AlertRule> table = table("rulesTable", rows, open);
        table.getColumns().add(enabled(AlertRule::enabled, enable));
        table.getColumns().add(firm(text("definitions.col.name", AlertRule::name, 220)));
        table.getColumns().add(text("definitions.col.kind", r -> messages.get("kind.short." + r.kind().name()), 90));
        table.getColumns().add(text("rules.col.type", r -> messages.get("rules.type." + r.type().name()), 110));
        table.getColumns().add(firm(text("rules.col.subject", this::subject, 220)));
        table.getColumns().add(text("rules.col.levels", this::levels, 120));
        table.getColumns().add(number("rules.col.hold", AlertRule::holdSeconds, "definitions.seconds", 70));
        table.getColumns().add(text("definitions.col.description", AlertRule::description, 200));
        return table;
    }

    private String subject(AlertRule r) {
        if (r.type() == RuleType.TARGET_DOWN) {
            return "";
        }
        String what = AlertRule.ALL.equals(r.subject())
                ? messages.get(r.type() == RuleType.MIRROR_STALE ? "rules.subject.allMirrors" : "rules.subject.allMetrics") : r.subject();
        return r.labels().isEmpty() ? what : what + " [" + r.labelText().replace("\n", ", ") + "]";
    }

    // "≥ 85 · ≥ 95" says the direction and both levels at a glance; other types fire at one severity.
    private String levels(AlertRule r) {
        if (r.type() == RuleType.FORECAST) {
            String w = r.warn() == null ? "" : messages.get("rules.forecast.days", TypedNumbers.plain(r.warn()));
            String c = r.crit() == null ? "" : messages.get("rules.forecast.days", TypedNumbers.plain(r.crit()));
            return w.isEmpty() || c.isEmpty() ? w + c : w + " \u00b7 " + c;
        }
        if (r.type() != RuleType.THRESHOLD) {
            return r.crit() != null ? messages.get("rules.level.CRIT") : r.warn() != null ? messages.get("rules.level.WARN")
                    : messages.get("rules.level.AS_EVENT");
        }
        String sign = r.direction() == Direction.BELOW ? "\u2264 " : "\u2265 ";
        String w = r.warn() == null ? "" : sign + messages.get("definitions.threshold", r.warn());
        String c = r.crit() == null ? "" : sign + messages.get("definitions.threshold", r.crit());
        return w.isEmpty() || c.isEmpty() ? w + c : w + " \u00b7 " + c;
    }

    private <T> TableView<T> table(String id, ObservableList<T> rows, Consumer<T> open) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        SortedList<T> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("dense");
        table.setRowFactory(v -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    // Names are what a DBA scans for: they keep their width and the description gives way.
    private static <T, V> TableColumn<T, V> firm(TableColumn<T, V> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private <T> TableColumn<T, String> text(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // Numbers sort as numbers (5 s before 15 s); the cell adds the unit.
    private <T> TableColumn<T, Number> number(String key, Function<T, Number> value, String unitKey, double width) {
        TableColumn<T, Number> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : unitKey == null ? messages.get("definitions.count", n) : messages.get(unitKey, n));
            }
        });
        c.getStyleClass().add("numeric");
        c.setPrefWidth(width);
        return c;
    }

    private <T> TableColumn<T, Number> threshold(String key, Function<T, Double> value) {
        TableColumn<T, Number> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : messages.get("definitions.threshold", n));
            }
        });
        c.getStyleClass().add("numeric");
        c.setPrefWidth(60);
        c.setMinWidth(55);
        return c;
    }

    // The tick saves at once; the row shows what the store holds once it has answered.
    private <T> TableColumn<T, Boolean> enabled(Function<T, Boolean> value, BiConsumer<T, Boolean> enable) {
        TableColumn<T, Boolean> c = new TableColumn<>(messages.get("definitions.col.enabled"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> {
                    T item = getTableRow() == null ? null : getTableRow().getItem();
                    if (item != null) {
                        enable.accept(item, box.isSelected());
                    }
                });
                setAlignment(Pos.CENTER);
            }

            @Override
            protected void updateItem(Boolean on, boolean empty) {
                super.updateItem(on, empty);
                if (empty || on == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(on);
                    setGraphic(box);
                }
            }
        });
        c.setPrefWidth(44);
        c.setMinWidth(44);
        c.setId("enabledColumn");
        return c;
    }
}
