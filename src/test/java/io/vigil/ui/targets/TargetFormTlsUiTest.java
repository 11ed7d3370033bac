package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AppDirs;
import io.vigil.config.TargetKind;
import io.vigil.config.TlsMode;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/** The target form's TLS row in the real console, headless: choices worded per kind, the CA file checked as typed. */
@ExtendWith(ApplicationExtension.class)
class TargetFormTlsUiTest {

    private Console console;
    private FxTaskExecutor executor;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("vigil-tls-form");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 900);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()));
        console.show(MainView.Pane.TARGETS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    /** The text the closed combo box shows. */
    private static String shown(FxRobot robot, ComboBox<?> box) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(box).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText).filter(java.util.Objects::nonNull).findFirst().orElse("(none: "
                        + robot.from(box).lookup(".list-cell").queryAll().size() + " cells)");
    }

    @Test
    void tlsIsOfferedInEachKindsWordsAndTheCaFileIsCheckedNextToTheField(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#targetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn("#addTarget");
        ComboBox<TargetKind> kind = robot.lookup("#formKind").queryComboBox();
        ComboBox<TlsMode> tls = robot.lookup("#formTls").queryComboBox();
        Node caFile = robot.lookup("#formTlsCaFile").query();
        Node caRow = caFile.getParent(); // the field with its Browse… buttons

        robot.interact(() -> kind.setValue(TargetKind.MYSQL));
        assertThat(tls.getItems()).containsExactly(TlsMode.values());
        assertThat(tls.isVisible()).isTrue();
        assertThat(caRow.isVisible()).as("no CA file while TLS is off").isFalse();
        robot.interact(() -> tls.setValue(TlsMode.VERIFY_FULL));
        assertThat(shown(robot, tls)).startsWith("VERIFY_IDENTITY");
        assertThat(caRow.isVisible()).isTrue();
        assertThat(robot.lookup("#formTlsWalletBrowse").query().isVisible()).as("a wallet is Oracle's").isFalse();

        robot.clickOn("#formTlsCaFile").write(home.resolve("missing-ca.pem").toString());
        Label problem = robot.lookup("#problem-tlsCaFile").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("does not exist");
        robot.interact(() -> ((TextField) caFile).setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.isVisible()).as("empty: the CAs Java trusts").isFalse();

        robot.interact(() -> kind.setValue(TargetKind.POSTGRES));
        assertThat(shown(robot, tls)).startsWith("verify-full");
        robot.interact(() -> kind.setValue(TargetKind.ORACLE));
        assertThat(tls.getItems()).containsExactly(TlsMode.OFF, TlsMode.VERIFY_CA, TlsMode.VERIFY_FULL);
        assertThat(shown(robot, tls)).startsWith("TCPS");
        assertThat(robot.lookup("#formTlsWalletBrowse").query().isVisible()).isTrue();
        robot.interact(() -> kind.setValue(TargetKind.DEMO_ORACLE));
        assertThat(tls.isVisible()).as("the demo has no connection to encrypt").isFalse();
        assertThat(caRow.isVisible()).isFalse();
    }

    @Test
    void aSavedTargetShowsItsTlsInTheTable(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#targetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn("#addTarget");
        ComboBox<TargetKind> kind = robot.lookup("#formKind").queryComboBox();
        ComboBox<TlsMode> tls = robot.lookup("#formTls").queryComboBox();
        robot.interact(() -> kind.setValue(TargetKind.POSTGRES));
        robot.clickOn("#formName").write("billing");
        robot.doubleClickOn("#formHost").write("pg1.example.com");
        robot.clickOn("#formDatabase").write("billing");
        robot.clickOn("#formUser").write("vigil");
        robot.clickOn("#formPassword").write("secret");
        robot.interact(() -> tls.setValue(TlsMode.VERIFY_FULL));
        Path ca = Path.of(getClass().getResource("/tls/ca.pem").toURI());
        robot.interact(() -> robot.lookup("#formTlsCaFile").queryAs(TextField.class).setText(ca.toString()));
        robot.clickOn("#formSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-row-cell .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.TableCell::getText)).contains("verify-full");
    }
}
