package io.vigil.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.vigil.i18n.Messages;
import io.vigil.sitepack.PackManifest;

/**
 * The File menu (Open site pack…, Save site pack…) and, while a pack is shown, the banner that says whose site, which
 * dates and that it is read-only. The work itself is the view model's, in the background.
 */
final class SitePackMenu {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private SitePackMenu() {
    }

    /** The menu bar, with the banner under it when a pack is shown. */
    static Node top(ConsoleViewModel vm, Messages messages, java.util.function.Supplier<Window> window) {
        MenuItem open = new MenuItem(messages.get("menu.file.openPack"));
        open.setId("menuOpenPack");
        open.setOnAction(e -> chooseAndOpen(vm, messages, window.get()));
        MenuItem save = new MenuItem(messages.get("menu.file.savePack"));
        save.setId("menuSavePack");
        save.setOnAction(e -> saveDialog(vm, messages, window.get()));
        boolean pack = vm.context().readOnly();
        save.setVisible(!pack && vm.context().monitors()); // a pack is not packed again
        Menu file = new Menu(messages.get("menu.file"), null, open, save);
        file.setId("menuFile");
        MenuBar bar = new MenuBar(file);
        VBox top = new VBox(bar);
        vm.context().pack().ifPresent(m -> top.getChildren().add(banner(m, messages)));
        return top;
    }

    static Label banner(PackManifest m, Messages messages) {
        Label banner = new Label(bannerText(m, messages));
        banner.setId("packBanner");
        banner.getStyleClass().add("pack-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    static String bannerText(PackManifest m, Messages messages) {
        String site = m.site().isBlank() ? messages.get("sitepack.banner.unnamed") : m.site();
        return messages.get("sitepack.banner", site, WHEN.format(m.fromTime()), WHEN.format(m.toTime()), WHEN.format(m.createdTime()));
    }

    private static FileChooser.ExtensionFilter filter(Messages messages) {
        return new FileChooser.ExtensionFilter(messages.get("sitepack.chooser.filter"), "*.vigil");
    }

    private static void chooseAndOpen(ConsoleViewModel vm, Messages messages, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.file.openPack"));
        chooser.getExtensionFilters().add(filter(messages));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            vm.openPack(f.toPath(), why -> {
                Alert alert = new Alert(Alert.AlertType.WARNING, why, ButtonType.OK);
                alert.setHeaderText(messages.get("sitepack.open.failed"));
                alert.initOwner(owner);
                alert.show();
            });
        }
    }

    private static void saveDialog(ConsoleViewModel vm, Messages messages, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("sitepack.dialog.title"));
        dialog.initOwner(owner);
        TextField site = new TextField();
        site.setId("packSite");
        Spinner<Integer> days = new Spinner<>(1, 30, 7);
        days.setId("packDays");
        days.setEditable(true);
        TextField file = new TextField();
        file.setId("packFile");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(messages.get("sitepack.dialog.choose"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(filter(messages));
            chooser.setInitialFileName("site.vigil");
            File f = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                file.setText(f.getAbsolutePath());
            }
        });
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(messages.get("sitepack.dialog.site")), site);
        grid.addRow(1, new Label(messages.get("sitepack.dialog.days")), days);
        grid.addRow(2, new Label(messages.get("sitepack.dialog.file")), new HBox(6, file, choose));
        grid.add(problem, 1, 3);
        dialog.getDialogPane().setContent(grid);
        ButtonType saveType = new ButtonType(messages.get("sitepack.dialog.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(saveType);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (file.getText().isBlank()) {
                problem.setText(messages.get("sitepack.dialog.noFile"));
                e.consume();
            }
        });
        dialog.showAndWait().filter(b -> b == saveType).ifPresent(b -> vm.savePack(Path.of(file.getText().strip()), site.getText(),
                days.getValue(), line -> Platform.runLater(() -> vm.statusProperty().set(line)),
                outcome -> Platform.runLater(() -> vm.statusProperty().set(outcome))));
    }
}
