package io.vigil.ui.alerts;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import io.vigil.i18n.Messages;

/** Paints a badge label from counts: hidden when nothing fires, red with any critical, amber with warnings only. */
public final class AlertBadge {

    private static final String[] LEVELS = {"alert-badge-crit", "alert-badge-warn", "alert-badge-ack"};

    private AlertBadge() {
    }

    /** A new label for a badge, hidden until {@link #apply} shows something. */
    public static Label create() {
        Label badge = new Label();
        badge.getStyleClass().add("alert-badge");
        badge.setMouseTransparent(true);
        badge.setVisible(false);
        badge.setManaged(false);
        return badge;
    }

    public static void apply(Label badge, AlertCounts counts, Messages messages) {
        boolean shown = counts != null && counts.shown();
        badge.setVisible(shown);
        badge.setManaged(shown);
        badge.getStyleClass().removeAll(LEVELS);
        if (!shown) {
            badge.setText("");
            badge.setTooltip(null);
            return;
        }
        badge.setText(Integer.toString(counts.number()));
        badge.getStyleClass().add(counts.styleClass());
        badge.setTooltip(new Tooltip(tooltip(counts, messages)));
    }

    public static String tooltip(AlertCounts counts, Messages messages) {
        return messages.get("alerts.badge.tooltip", counts.firing(), counts.acknowledged());
    }
}
