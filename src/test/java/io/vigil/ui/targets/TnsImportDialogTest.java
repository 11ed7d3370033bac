package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;

/** Import tnsnames.ora from the Targets pane, headless: pick the file, untick one alias, give a user, add. */
@ExtendWith(ApplicationExtension.class)
class TnsImportDialogTest {

    private ConfigStore store;
    private FxTaskExecutor executor;
    private TargetsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-tns");
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        model = new TargetsViewModel(store, executor, messages, s -> { });
        TargetsPane pane = new TargetsPane(model, messages);
        pane.setOpenDialog(owner -> TnsImportViewModelTest.site());
        Scene scene = new Scene(pane.root(), 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDialogListsAliasesAndUnreadableEntriesAndAddsTheTickedOnes(FxRobot robot) throws Exception {
        Button open = robot.lookup("#importTns").queryButton();
        assertThat(open.getText()).isEqualTo("Import tnsnames.ora\u2026");
        Platform.runLater(open::fire); // the dialog waits for its answer: not inside interact()

        waitFor(() -> robot.lookup("#tnsTable").tryQuery().isPresent()
                && robot.lookup("#tnsTable").queryTableView().getItems().size() == 9);
        TableView<?> table = robot.lookup("#tnsTable").queryTableView();
        ListView<?> problems = robot.lookup("#tnsProblems").queryListView();
        assertThat(problems.getItems()).hasSize(6);
        assertThat(problems.getItems().get(0).toString()).startsWith("tnsnames.ora line 28: BROKEN");
        assertThat(robot.lookup("#tnsProblemsTitle").queryAs(Label.class).getText()).isEqualTo("6 entries could not be read");
        Button add = robot.lookup("#tnsAdd").queryButton();
        assertThat(add.getText()).isEqualTo("Add 9 targets");
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "hr-a.example.com".equals(l.getText())).tryQuery()).isPresent();

        // untick the first alias by its box in the table
        Node firstRow = robot.lookup("#tnsTable .table-row-cell").match(n -> n instanceof TableRow<?> r && r.getIndex() == 0).query();
        CheckBox box = robot.from(firstRow).lookup(".check-box").queryAs(CheckBox.class);
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(add.getText()).isEqualTo("Add 8 targets");

        robot.clickOn("#tnsUser").write("dbsnmp");
        robot.clickOn("#tnsTags").write("acme");
        robot.clickOn(add);
        waitFor(() -> robot.lookup("#tnsTable").tryQuery().isEmpty());

        List<Target> oracle = store.targets().stream().filter(t -> t.kind() == TargetKind.ORACLE).toList();
        assertThat(oracle).hasSize(8).extracting(Target::name).doesNotContain("PROD.EXAMPLE.COM").contains("HR", "DG", "REPORTING");
        assertThat(oracle).allSatisfy(t -> {
            assertThat(t.user()).isEqualTo("dbsnmp");
            assertThat(t.tags()).containsExactly("acme");
        });
        assertThat(robot.lookup("#targetsTable").queryTableView().getItems()).hasSize(8);
        assertThat(table.getItems()).hasSize(9);
    }
}
