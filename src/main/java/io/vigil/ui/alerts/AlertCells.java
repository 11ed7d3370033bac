package io.vigil.ui.alerts;

import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;

/** The cells the alert tables share: a coloured severity chip, a state in its colour, a text with a tooltip. */
final class AlertCells {

    private AlertCells() {
    }

    /** severity-chip with severity-warn (amber) or severity-crit (red), readable in both themes. */
    static <S> TableCell<S, Severity> severity(Messages messages) {
        return new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(messages.get("alerts.severity." + item.name()));
                chip.getStyleClass().setAll("label", "severity-chip", "severity-" + item.name().toLowerCase(java.util.Locale.ROOT));
                setGraphic(chip);
            }
        };
    }

    /** Pending reads muted and italic (not yet fired), firing bold, resolved green. */
    static <S> TableCell<S, AlertState> state(Messages messages) {
        return new TableCell<>() {
            @Override
            protected void updateItem(AlertState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("alert-state-"));
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(messages.get("alerts.state." + item.name()));
                getStyleClass().add("alert-state-" + item.name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** A text whose tooltip comes from the row (a rule's description), none when that is blank. */
    static <S> TableCell<S, String> withTooltip(Function<S, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String text = row == null ? "" : tip.apply(row);
                if (text == null || text.isBlank()) {
                    setTooltip(null);
                } else {
                    Tooltip t = new Tooltip(text);
                    t.setWrapText(true);
                    t.setMaxWidth(520);
                    setTooltip(t);
                }
            }
        };
    }
}
