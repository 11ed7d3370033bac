package io.vigil.ui.dashboard;

import io.vigil.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Health report dialog: range, language and file, Generate (in the background, the dialog stays usable), then Open
 * to show the file in the system's browser.
 */
public final class HealthReportDialog {

    private final Dialog<Void> dialog = new Dialog<>();
    private final HealthReportViewModel model;
    private final Messages messages;
    private Function<String, Optional<Path>> saveDialog = this::askForFile;

    public HealthReportDialog(HealthReportViewModel model, Messages messages, Window owner, Consumer<String> openDocument) {
        this.model = model;
        this.messages = messages;
        dialog.setTitle(messages.get("report.dialog.title", model.target().name()));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ComboBox<Duration> range = new ComboBox<>();
        range.setId("reportRange");
        range.getItems().setAll(HealthReportViewModel.RANGES);
        range.setConverter(converter(d -> messages.get("report.dialog.range." + d.toDays())));
        range.valueProperty().bindBidirectional(model.range());
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("reportLanguage");
        language.getItems().setAll(HealthReportViewModel.LANGUAGES);
        language.setConverter(converter(l -> messages.get("report.dialog.lang." + l.toLanguageTag())));
        language.valueProperty().bindBidirectional(model.language());
        TextField file = new TextField();
        file.setId("reportFile");
        file.setEditable(false);
        file.setPrefColumnCount(30);
        file.textProperty().bind(model.file().map(Path::toString).orElse(""));
        Button choose = new Button(messages.get("report.dialog.choose"));
        choose.setId("reportChoose");
        choose.setOnAction(e -> saveDialog.apply(model.suggestedFileName()).ifPresent(model.file()::set));
        HBox.setHgrow(file, Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busy());
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.status());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(messages.get("report.dialog.rangeLabel")), range);
        grid.addRow(1, new Label(messages.get("report.dialog.langLabel")), language);
        grid.addRow(2, new Label(messages.get("report.dialog.fileLabel")), new HBox(6, file, choose));
        grid.add(new HBox(8, spinner, status), 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType generate = new ButtonType(messages.get("report.dialog.generate"), ButtonBar.ButtonData.OTHER);
        ButtonType open = new ButtonType(messages.get("report.dialog.open"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(generate, open, ButtonType.CLOSE);
        Button generateButton = (Button) dialog.getDialogPane().lookupButton(generate);
        generateButton.setId("reportGenerate");
        generateButton.disableProperty().bind(model.canGenerate().not());
        // the buttons act without closing the dialog
        generateButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.generate();
        });
        Button openButton = (Button) dialog.getDialogPane().lookupButton(open);
        openButton.setId("reportOpen");
        openButton.disableProperty().bind(model.written().isNull().or(model.busy()));
        openButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            openDocument.accept(model.written().get().toUri().toString());
        });
        range.disableProperty().bind(model.busy());
        language.disableProperty().bind(model.busy());
        choose.disableProperty().bind(model.busy());
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    /** Shows the dialog without waiting for it to close. */
    public void show() {
        dialog.show();
    }

    /** Replaces the file chooser (tests cannot click through a native one). */
    public void setSaveDialog(Function<String, Optional<Path>> dialog) {
        this.saveDialog = dialog;
    }

    private Optional<Path> askForFile(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("report.dialog.chooseTitle"));
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("report.dialog.filter"), "*.html"));
        File f = chooser.showSaveDialog(dialog.getOwner());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
