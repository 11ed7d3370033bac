package io.vigil.ui.tables;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import org.controlsfx.control.table.TableFilter;
import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheBrowser.Column;
import io.vigil.mirror.CacheBrowser.ColumnKind;
import io.vigil.series.Forecast;
import io.vigil.series.SpaceForecast;
import io.vigil.ui.util.ForecastTexts;

/**
 * One snapshot's table: a column per cached column, sorting by value, ControlsFX column filters on the quick-filtered
 * rows, and a placeholder that says why there are no rows.
 */
final class MirrorTable {

    private static final int SAMPLE = 200;
    private static final Font CELL_FONT = Font.font(13);
    private static final Font HEADER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);

    private final TableView<MirrorRow> view = new TableView<>();
    private final TableFilter<MirrorRow> filter;
    private final TablesViewModel model;
    private final ListChangeListener<MirrorRow> onRows = c -> sizeOnce(); // held here: the model outlives this table
    private boolean sized;

    MirrorTable(TablesViewModel model, Messages messages) {
        this.model = model;
        view.setId("mirrorTable");
        view.getStyleClass().addAll("mirror-table", "dense");
        view.setItems(model.shownRows());
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setTableMenuButtonVisible(true);
        List<Column> columns = List.copyOf(model.columns());
        for (int i = 0; i < columns.size(); i++) {
            view.getColumns().add(column(columns.get(i), i));
        }
        // wraps the items in its own filtered, sorted list bound to the table's sort order
        filter = TableFilter.forTableView(view).lazy(true).apply();
        if (model.space().get() != null) {
            view.getColumns().add(fullIn(messages)); // after the filter: its values are computed, not cached
        }

        FontIcon icon = new FontIcon("fas-table");
        icon.getStyleClass().add("empty-icon");
        Label title = new Label();
        title.getStyleClass().add("empty-title");
        title.textProperty().bind(model.emptyTitle());
        Label hint = new Label();
        hint.getStyleClass().add("empty-hint");
        hint.textProperty().bind(model.emptyHint());
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox placeholder = new VBox(10, icon, title, hint);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("empty-state");
        placeholder.setId("tablesEmpty");
        view.setPlaceholder(placeholder);

        model.rows().addListener(new WeakListChangeListener<>(onRows));
        sizeOnce();
    }

    private TableColumn<MirrorRow, Object> column(Column c, int index) {
        TableColumn<MirrorRow, Object> col = new TableColumn<>(c.name());
        col.setUserData(c);
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().value(index)));
        col.setComparator(CellValues.ORDER);
        boolean number = c.kind() == ColumnKind.NUMBER;
        col.setCellFactory(v -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : CellValues.text(item));
            }
        });
        if (number) {
            col.getStyleClass().add("number-column");
        }
        col.setPrefWidth(Math.max(70, c.name().length() * 8 + 36));
        return col;
    }

    // Days until full of the row's space: "6 d", "—" when not growing, "few points"; the whole forecast as a tooltip.
    private TableColumn<MirrorRow, Optional<SpaceForecast>> fullIn(Messages messages) {
        TableColumn<MirrorRow, Optional<SpaceForecast>> col = new TableColumn<>(messages.get("tables.fullIn"));
        col.setId("fullInColumn");
        col.setCellValueFactory(d -> Bindings.createObjectBinding(() -> model.forecastFor(d.getValue()), model.spaceForecasts()));
        col.setComparator(Comparator.comparing((Optional<SpaceForecast> f) -> f.isEmpty()).thenComparing(
                f -> f.map(SpaceForecast::forecast).orElse(null), Comparator.nullsLast(Comparator.comparingDouble(MirrorTable::sortDays))));
        col.setCellFactory(v -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(420);
            }

            @Override
            protected void updateItem(Optional<SpaceForecast> item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.isEmpty()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                Forecast f = item.get().forecast();
                setText(ForecastTexts.cell(f, messages));
                tip.setText(ForecastTexts.tooltip(f, messages));
                setTooltip(tip);
            }
        });
        col.getStyleClass().add("number-column");
        col.setPrefWidth(90);
        return col;
    }

    // Sooner first: full, then days, then growing without a size, not growing, too few points.
    private static double sortDays(Forecast f) {
        return switch (f.verdict()) {
            case ALREADY_FULL -> -1;
            case GROWING -> f.hasDays() ? f.days() : 1e9;
            case NOT_GROWING -> 2e9;
            case TOO_FEW_POINTS -> 3e9;
        };
    }

    // Widths from the first rows' text, once per table: later refreshes keep what the user dragged.
    private void sizeOnce() {
        if (sized || model.rows().isEmpty()) {
            return;
        }
        sized = true;
        List<MirrorRow> sample = model.rows().subList(0, Math.min(SAMPLE, model.rows().size()));
        Text probe = new Text();
        for (int i = 0; i < view.getColumns().size(); i++) {
            TableColumn<MirrorRow, ?> col = view.getColumns().get(i);
            int index = i;
            probe.setFont(HEADER_FONT);
            probe.setText(col.getText());
            double widest = probe.getLayoutBounds().getWidth() + 18; // room for the sort arrow
            probe.setFont(CELL_FONT);
            List<String> longest = sample.stream().map(r -> CellValues.text(r.value(index))).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed()).limit(5).toList();
            for (String text : longest) {
                probe.setText(text);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            col.setPrefWidth(Math.clamp(widest + 24, 60, 420));
        }
    }

    TableFilter<MirrorRow> filter() {
        return filter;
    }

    TableView<MirrorRow> view() {
        return view;
    }
}
