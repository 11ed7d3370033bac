package io.vigil.ui.trends;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.vigil.config.MetricDef;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;

/** The left column: the targets to tick, and the metrics of their kinds to tick, with a filter for long packs. */
final class TrendsPicker {

    private final VBox root = new VBox(6);

    TrendsPicker(TrendsViewModel model, Messages messages) {
        ListView<Choice<Target>> targets = new ListView<>(model.targets());
        targets.setId("trendsTargets");
        targets.setCellFactory(v -> new ChoiceCell<>(t -> t.name(), t -> messages.get("kind.short." + t.kind().name()), t -> null));
        targets.setFixedCellSize(30);
        // As tall as its targets, up to six; the metrics below get the rest.
        targets.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(6, Math.max(1, model.targets().size())) * 30 + 4.0, model.targets()));
        targets.setMinHeight(34);

        TextField filter = new TextField();
        filter.setId("trendsMetricFilter");
        filter.setPromptText(messages.get("trends.metrics.filter"));
        FilteredList<Choice<MetricDef>> shown = new FilteredList<>(model.metrics());
        filter.textProperty().addListener((o, was, now) -> {
            String needle = now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : c -> c.value().name().toLowerCase(Locale.ROOT).contains(needle)
                    || messages.metricTitle(c.value().name()).toLowerCase(Locale.ROOT).contains(needle)
                    || c.value().description().toLowerCase(Locale.ROOT).contains(needle));
        });
        ListView<Choice<MetricDef>> metrics = new ListView<>(shown);
        metrics.setId("trendsMetrics");
        // the title reads; the dotted id, which SQL, YAML and the CLI use, is in the tooltip with the description
        metrics.setCellFactory(v -> new ChoiceCell<>(m -> messages.metricTitle(m.name()), MetricDef::unit,
                m -> m.description().isEmpty() ? m.name() : m.name() + "\n" + m.description()));
        metrics.setPlaceholder(new Label(messages.get("trends.metrics.none")));
        VBox.setVgrow(metrics, Priority.ALWAYS);

        root.getChildren().addAll(heading(messages.get("trends.targets")), targets, heading(messages.get("trends.metrics")), filter,
                metrics);
        root.getStyleClass().add("trends-picker");
        root.setPrefWidth(270);
        root.setMinWidth(200);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("trends-picker-heading");
        return l;
    }

    VBox root() {
        return root;
    }

    /** A tick box bound to the choice, its name, and a muted note (the kind, the unit). */
    private static final class ChoiceCell<T> extends ListCell<Choice<T>> {

        private final CheckBox box = new CheckBox();
        private final Label note = new Label();
        private final HBox graphic;
        private final Function<T, String> name;
        private final Function<T, String> noteOf;
        private final Function<T, String> help;
        private BooleanProperty bound;

        ChoiceCell(Function<T, String> name, Function<T, String> noteOf, Function<T, String> help) {
            this.name = name;
            this.noteOf = noteOf;
            this.help = help;
            note.getStyleClass().add("trends-note");
            box.setMnemonicParsing(false); // metric names are full of underscores
            graphic = new HBox(6, box, note);
            box.setMinWidth(0); // long names end in an ellipsis rather than widening the list
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            note.setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            graphic.prefWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 14));
            setOnMouseClicked(e -> {
                if (bound != null && e.getTarget() != box && !box.isHover()) {
                    bound.set(!bound.get()); // a click anywhere on the row ticks it, not just on the box
                }
            });
        }

        @Override
        protected void updateItem(Choice<T> item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound);
                bound = null;
            }
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            box.setText(name.apply(item.value()));
            note.setText(noteOf.apply(item.value()));
            bound = item.selectedProperty();
            box.selectedProperty().bindBidirectional(bound);
            String h = help.apply(item.value());
            setTooltip(h == null ? null : new Tooltip(h));
            setGraphic(graphic);
        }
    }
}
