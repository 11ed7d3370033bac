package io.vigil.ui.util;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

/** The "nothing here yet" view a pane shows: an icon, a title and what to do next. */
public final class EmptyState {

    private EmptyState() {
    }

    public static VBox of(String icon, String title, String hint, Node... actions) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("empty-icon");
        Label t = new Label(title);
        t.getStyleClass().add("empty-title");
        Label h = new Label(hint);
        h.getStyleClass().add("empty-hint");
        h.setWrapText(true);
        h.setMaxWidth(420);
        h.setAlignment(Pos.CENTER);
        h.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, glyph, t, h);
        box.getChildren().addAll(actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
