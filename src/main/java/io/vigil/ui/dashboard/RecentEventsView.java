package io.vigil.ui.dashboard;

import java.time.Instant;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EventTexts;

/**
 * The dashboard's "Recent events": one row per event of the last day, newest first, with a severity icon, the time, the
 * kind and a short title; the text in the row's tooltip. Shows eight rows and scrolls past them.
 */
final class RecentEventsView {

    /** Lines of an event's text the row's tooltip shows: an ORA-00600 entry whole, a long dump cut. */
    static final int TOOLTIP_LINES = 30;
    private static final int ROWS = 8;
    private static final double ROW_HEIGHT = 30;

    private final VBox root;

    RecentEventsView(RecentEvents model, Messages messages, ObservableValue<Instant> now) {
        EventTexts texts = new EventTexts(messages, model.zone());
        Label title = new Label(messages.get("dashboard.events.title"));
        title.getStyleClass().add("dashboard-events-title");
        Label span = new Label(messages.get("dashboard.events.span"));
        span.getStyleClass().add("dashboard-events-span");
        HBox heading = new HBox(10, title, span);
        heading.setAlignment(Pos.BASELINE_LEFT);

        ListView<VigilEvent> list = new ListView<>(model.events());
        list.setId("dashboardEvents");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(false);
        Label empty = new Label(messages.get("dashboard.events.empty"));
        empty.getStyleClass().add("dashboard-events-empty");
        list.setPlaceholder(empty);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1.5, Math.min(ROWS, model.events().size())) * ROW_HEIGHT + 4, model.events()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setCellFactory(v -> new Row(texts, now));

        Label problem = new Label();
        problem.getStyleClass().add("form-error");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label limited = new Label(messages.get("dashboard.events.limited", RecentEvents.LIMIT));
        limited.getStyleClass().add("dashboard-events-span");
        limited.visibleProperty().bind(model.limited());
        limited.managedProperty().bind(limited.visibleProperty());

        root = new VBox(6, heading, list, problem, limited);
        root.setId("dashboardRecentEvents");
        root.getStyleClass().add("dashboard-events");
    }

    VBox root() {
        return root;
    }

    /** Icon, time, kind and title of one event; its text in the tooltip. */
    private static final class Row extends ListCell<VigilEvent> {

        private final EventTexts texts;
        private final ObservableValue<Instant> now;
        private final FontIcon icon = new FontIcon();
        private final StackPane iconBox = new StackPane(icon); // icons differ in width: the columns after them must not
        private final Label time = new Label();
        private final Label kind = new Label();
        private final Label title = new Label();
        private final HBox box = new HBox(10, iconBox, time, kind, title);
        private final Tooltip tip = new Tooltip();

        Row(EventTexts texts, ObservableValue<Instant> now) {
            this.texts = texts;
            this.now = now;
            box.setAlignment(Pos.CENTER_LEFT);
            iconBox.setMinWidth(18);
            iconBox.setPrefWidth(18);
            time.getStyleClass().add("event-time");
            kind.getStyleClass().add("event-kind");
            title.getStyleClass().add("event-title");
            title.setTextOverrun(OverrunStyle.ELLIPSIS);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            tip.getStyleClass().add("event-tooltip");
            tip.setWrapText(true);
            tip.setMaxWidth(720);
            tip.setShowDelay(Duration.millis(300));
            tip.setShowDuration(Duration.seconds(60));
            getStyleClass().add("event-row");
        }

        @Override
        protected void updateItem(VigilEvent e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            icon.setIconLiteral(switch (e.severity()) {
                case CRIT -> "fas-times-circle";
                case WARN -> "fas-exclamation-triangle";
                case INFO -> "fas-info-circle";
            });
            icon.getStyleClass().setAll("ikonli-font-icon", "event-icon", EventTexts.styleClass(e.severity()));
            Instant at = now.getValue();
            time.setText(texts.shortTime(e.at(), at == null || at.equals(Instant.EPOCH) ? e.at() : at));
            kind.setText(texts.type(e.type()));
            title.setText(texts.title(e));
            tip.setText(texts.head(e) + "\n" + texts.firstLines(e.text(), TOOLTIP_LINES));
            setGraphic(box);
            setTooltip(tip);
        }
    }
}
