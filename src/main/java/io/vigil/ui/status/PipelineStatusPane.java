package io.vigil.ui.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.EmptyState;

/**
 * The Pipelines pane: every collector job with its last run and next run, coloured by how it went, filterable by target
 * and to problems only, with pause and resume of the selected row's target; the spool's fill in the header.
 */
public final class PipelineStatusPane {

    private final BorderPane root = new BorderPane();
    private final TableView<JobRowModel> table = new TableView<>();
    private final Button pause = new Button();
    private final Button resume = new Button();
    private final PipelineStatusViewModel model;
    private final Messages messages;

    public PipelineStatusPane(PipelineStatusViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("pane", "pipeline-pane");
        root.setId("pipelinePane");

        Label title = new Label(messages.get("pipeline.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("pipeline.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        Label spool = new Label();
        spool.setId("pipelineSpool");
        spool.getStyleClass().add("pipeline-spool");
        spool.setGraphic(new FontIcon("fas-inbox"));
        spool.textProperty().bind(model.spoolProperty());
        model.spoolWarningProperty().addListener((o, was, warn) -> spool.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("warning"), warn));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(2, title, subtitle), grow, spool);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        root.setTop(new VBox(header, toolbar()));

        buildTable();
        root.setCenter(table);
    }

    private HBox toolbar() {
        ComboBox<PipelineStatusViewModel.TargetChoice> target = new ComboBox<>(model.targetChoices());
        target.setId("pipelineTarget");
        target.setConverter(Converters.display(PipelineStatusViewModel.TargetChoice::name));
        target.valueProperty().bindBidirectional(model.targetFilterProperty());
        target.setPrefWidth(180);
        ToggleButton problems = new ToggleButton(messages.get("pipeline.filter.problems"), new FontIcon("fas-exclamation-triangle"));
        problems.setId("pipelineProblems");
        problems.selectedProperty().bindBidirectional(model.problemsOnlyProperty());
        Label counts = new Label();
        counts.setId("pipelineCounts");
        counts.getStyleClass().add("pipeline-counts");
        counts.textProperty().bind(model.countsProperty());

        pause.setText(messages.get("pipeline.pause"));
        pause.setGraphic(new FontIcon("fas-pause"));
        pause.setId("pipelinePause");
        pause.setOnAction(e -> selected(model::pause));
        resume.setText(messages.get("pipeline.resume"));
        resume.setGraphic(new FontIcon("fas-play"));
        resume.setId("pipelineResume");
        resume.setOnAction(e -> selected(model::resume));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, target, problems, counts, grow, pause, resume);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pipeline-toolbar");
        return bar;
    }

    private void selected(java.util.function.Consumer<JobRowModel> action) {
        JobRowModel row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
            updateButtons();
        }
    }

    private void updateButtons() {
        JobRowModel row = table.getSelectionModel().getSelectedItem();
        pause.setDisable(row == null || row.paused());
        resume.setDisable(row == null || !row.paused());
    }

    private void buildTable() {
        table.setId("pipelineTable");
        table.getStyleClass().add("dense");
        SortedList<JobRowModel> sorted = new SortedList<>(model.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(EmptyState.of("fas-tasks", messages.get("pipeline.empty.title"), messages.get("pipeline.empty.hint")));
        model.shownRows().addListener((javafx.collections.ListChangeListener<JobRowModel>) c -> {
            boolean filtered = model.shownRows().isEmpty() && !model.rows().isEmpty();
            table.setPlaceholder(filtered
                    ? EmptyState.of("fas-filter", messages.get("pipeline.noMatch.title"), messages.get("pipeline.noMatch.hint"))
                    : EmptyState.of("fas-tasks", messages.get("pipeline.empty.title"), messages.get("pipeline.empty.hint")));
        });

        TableColumn<JobRowModel, String> target = column("pipeline.col.target", JobRowModel::targetProperty, 120);
        TableColumn<JobRowModel, String> job = column("pipeline.col.job", r -> new javafx.beans.property.ReadOnlyStringWrapper(r.job()), 300);
        TableColumn<JobRowModel, RunState> state = column("pipeline.col.status", JobRowModel::stateProperty, 115);
        state.setCellFactory(c -> new StateCell());
        TableColumn<JobRowModel, Instant> last = column("pipeline.col.lastRun", JobRowModel::lastRunProperty, 160);
        last.setCellFactory(c -> new TimeCell(true));
        TableColumn<JobRowModel, Long> took = column("pipeline.col.took", JobRowModel::tookMsProperty, 100);
        took.setCellFactory(c -> numberCell());
        TableColumn<JobRowModel, Long> rows = column("pipeline.col.rows", JobRowModel::rowsProperty, 70);
        rows.setCellFactory(c -> numberCell());
        TableColumn<JobRowModel, Instant> next = column("pipeline.col.nextRun", JobRowModel::nextRunProperty, 100);
        next.setCellFactory(c -> new TimeCell(false));
        next.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        TableColumn<JobRowModel, String> reason = column("pipeline.col.reason", JobRowModel::reasonProperty, 320);
        reason.setCellFactory(c -> new ReasonCell());
        TableColumn<JobRowModel, String> collector = column("pipeline.col.collector", JobRowModel::collectorProperty, 170);
        collector.visibleProperty().bind(model.sharedProperty());
        table.getColumns().setAll(java.util.List.of(target, job, state, last, took, rows, next, collector, reason));

        table.setRowFactory(v -> {
            TableRow<JobRowModel> row = new TableRow<>();
            row.setOnContextMenuRequested(e -> {
                if (row.getItem() != null) {
                    menu(row.getItem()).show(row, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> updateButtons());
        model.nowProperty().addListener((o, was, now) -> updateButtons()); // the selected row may have been paused elsewhere
        updateButtons();
    }

    private ContextMenu menu(JobRowModel row) {
        String name = row.targetProperty().get();
        MenuItem item = row.paused()
                ? new MenuItem(messages.get("pipeline.menu.resume", name), new FontIcon("fas-play"))
                : new MenuItem(messages.get("pipeline.menu.pause", name), new FontIcon("fas-pause"));
        item.setId(row.paused() ? "menuResume" : "menuPause");
        item.setOnAction(e -> {
            if (row.paused()) {
                model.resume(row);
            } else {
                model.pause(row);
            }
            updateButtons();
        });
        return new ContextMenu(item);
    }

    private <T> TableColumn<JobRowModel, T> column(String key, Function<JobRowModel, ObservableValue<T>> value, double width) {
        TableColumn<JobRowModel, T> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static TableCell<JobRowModel, Long> numberCell() {
        TableCell<JobRowModel, Long> cell = new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item));
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }

    private final class StateCell extends TableCell<JobRowModel, RunState> {
        @Override
        protected void updateItem(RunState item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("run-"));
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Circle dot = new Circle(4.5);
            dot.getStyleClass().add("run-dot");
            setGraphic(dot);
            setText(model.stateText(item));
            getStyleClass().add(item.styleClass());
        }
    }

    /** A time shown relative to the snapshot's: re-rendered every second, since its value alone does not change. */
    private final class TimeCell extends TableCell<JobRowModel, Instant> {
        private final boolean past;
        private final InvalidationListener tick = o -> render();
        private final Tooltip lastOk = new Tooltip();

        TimeCell(boolean past) {
            this.past = past;
            model.nowProperty().addListener(new WeakInvalidationListener(tick));
        }

        @Override
        protected void updateItem(Instant item, boolean empty) {
            super.updateItem(item, empty);
            render();
        }

        private void render() {
            Instant at = isEmpty() ? null : getItem();
            setText(at == null ? null : past ? model.lastRunText(at) : model.nextRunText(at));
            JobRowModel row = getTableRow() == null ? null : getTableRow().getItem();
            if (past && row != null && at != null) {
                lastOk.setText(model.lastOkText(row.lastOkProperty().get()));
                setTooltip(lastOk);
            } else {
                setTooltip(null);
            }
        }
    }

    private static final class ReasonCell extends TableCell<JobRowModel, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isBlank();
            setText(blank ? null : item.lines().findFirst().orElse(item));
            if (blank) {
                setTooltip(null);
            } else {
                Tooltip tip = new Tooltip(item);
                tip.setWrapText(true);
                tip.setMaxWidth(640);
                setTooltip(tip);
            }
        }
    }

    /** The job table (for tests). */
    public TableView<JobRowModel> table() {
        return table;
    }

    public Region root() {
        return root;
    }
}
