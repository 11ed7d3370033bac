package io.vigil.ui.alerts;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.MuteWindow;
import io.vigil.i18n.Messages;

/** The mute windows tab: one line per window that is on or planned, each with "End now". */
final class MutesView {

    private final BorderPane root = new BorderPane();

    MutesView(MutesViewModel model, Messages messages, Runnable mute) {
        ListView<MuteWindow> list = new ListView<>(model.mutes());
        list.setId("mutesList");
        list.setPlaceholder(new Label(messages.get("alerts.mute.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MuteWindow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label text = new Label(model.describe(item), new FontIcon("fas-bell-slash"));
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                Button end = new Button(messages.get("alerts.mute.endNow"));
                end.getStyleClass().add("mute-end");
                end.setOnAction(e -> model.endNow(item));
                HBox box = new HBox(10, text, grow, end);
                box.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
            }
        });
        Button add = new Button(messages.get("alerts.mute"), new FontIcon("fas-bell-slash"));
        add.setId("mutesAdd");
        add.setOnAction(e -> mute.run());
        Label message = new Label();
        message.getStyleClass().add("alerts-message");
        message.textProperty().bind(model.messageProperty());
        HBox bar = new HBox(10, add, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("alerts-toolbar");
        root.setTop(bar);
        root.setCenter(list);
    }

    Region root() {
        return root;
    }
}
