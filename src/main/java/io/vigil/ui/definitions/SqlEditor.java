package io.vigil.ui.definitions;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Rectangle;

/**
 * SQL in a monospace text area with line numbers beside it, so a database's "line 3" can be found. Lines never wrap:
 * the gutter lists one number per text line and scrolls with the text.
 */
final class SqlEditor extends HBox {

    private final TextArea area = new TextArea();
    private final Label numbers = new Label("1");

    SqlEditor(String id, StringProperty sql) {
        getStyleClass().add("sql-editor");
        area.setId(id);
        area.getStyleClass().add("sql-text");
        area.setWrapText(false);
        area.textProperty().bindBidirectional(sql);
        area.setPrefRowCount(12);
        HBox.setHgrow(area, Priority.ALWAYS);

        numbers.getStyleClass().add("sql-gutter-numbers");
        numbers.setMinHeight(Pane.USE_PREF_SIZE);
        Pane gutter = new Pane(numbers);
        gutter.getStyleClass().add("sql-gutter");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(gutter.widthProperty());
        clip.heightProperty().bind(gutter.heightProperty());
        gutter.setClip(clip);
        numbers.prefWidthProperty().bind(gutter.widthProperty().subtract(6));
        numbers.setAlignment(javafx.geometry.Pos.TOP_RIGHT);
        numbers.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        numbers.translateYProperty().bind(area.scrollTopProperty().negate());
        area.textProperty().addListener((o, was, now) -> renumber(now));
        renumber(area.getText());
        getChildren().addAll(gutter, area);
    }

    private void renumber(String text) {
        int lines = 1;
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 1; n <= lines; n++) {
            b.append(n).append(n < lines ? "\n" : "");
        }
        numbers.setText(b.toString());
        int digits = Math.max(2, String.valueOf(lines).length());
        ((Pane) numbers.getParent()).setPrefWidth(digits * 8 + 14);
        ((Pane) numbers.getParent()).setMinWidth(digits * 8 + 14);
    }

    TextArea area() {
        return area;
    }
}
