package io.vigil.ui.status;

import static io.vigil.ui.status.PipelineStatusViewModelTest.ORA;
import static io.vigil.ui.status.PipelineStatusViewModelTest.PG;
import static io.vigil.ui.status.PipelineStatusViewModelTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.ui.Themes;
import io.vigil.watch.Watch.JobRow;

/** The Pipelines pane, headless: pause and resume reach the collector, and live updates keep the selection. */
@ExtendWith(ApplicationExtension.class)
class PipelineStatusPaneTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private PipelineStatusViewModel model;
    private PipelineStatusPane pane;

    @Start
    void start(Stage stage) {
        TargetControl recorder = new TargetControl() {
            @Override
            public void pause(long targetId) {
                calls.add("pause " + targetId);
            }

            @Override
            public void resume(long targetId) {
                calls.add("resume " + targetId);
            }
        };
        model = new PipelineStatusViewModel(recorder, new Messages(Locale.ENGLISH), s -> { });
        pane = new PipelineStatusPane(model, new Messages(Locale.ENGLISH));
        Scene scene = new Scene(pane.root(), 1280, 600);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    private List<JobRow> jobs() {
        return new PipelineStatusViewModelTest().jobs();
    }

    private void deliver(List<JobRow> jobs, int secondsAfterT0) {
        model.update(PipelineStatusViewModelTest.snapshot(T0.plusSeconds(secondsAfterT0), jobs, PipelineStatusViewModelTest.EMPTY, ORA, PG));
    }

    private Node cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(n -> n instanceof Labeled l && text.equals(l.getText())).query();
    }

    // The headless platform sends no context-menu event for a right click, so the test sends the one a desktop would.
    private void openMenu(FxRobot robot, Node cell) {
        robot.rightClickOn(cell);
        javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        javafx.geometry.Point2D local = cell.screenToLocal(b.getCenterX(), b.getCenterY());
        robot.interact(() -> cell.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                local.getX(), local.getY(), b.getCenterX(), b.getCenterY(), false, null)));
    }

    private List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".table-row-cell .table-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }

    @Test
    void pauseAndResumeActOnTheSelectedRowsTarget(FxRobot robot) {
        robot.interact(() -> deliver(jobs(), 0));
        Button pause = robot.lookup("#pipelinePause").queryButton();
        Button resume = robot.lookup("#pipelineResume").queryButton();
        assertThat(pause.isDisabled()).as("nothing selected").isTrue();
        assertThat(cellTexts(robot)).contains("Error", "Stale", "OK", "Not run yet").doesNotContain("Paused");

        robot.clickOn(cell(robot, "mirror session"));
        assertThat(pause.isDisabled()).isFalse();
        assertThat(resume.isDisabled()).isTrue();
        robot.clickOn(pause);
        assertThat(calls).containsExactly("pause 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellTexts(robot).stream().filter("Paused"::equals)).hasSize(3);
        assertThat(pause.isDisabled()).isTrue();
        assertThat(resume.isDisabled()).isFalse();

        robot.clickOn(resume);
        assertThat(calls).containsExactly("pause 1", "resume 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellTexts(robot)).doesNotContain("Paused");
    }

    @Test
    void theRowMenuPausesItsOwnTarget(FxRobot robot) {
        robot.interact(() -> deliver(jobs(), 0));
        openMenu(robot, cell(robot, "mirror activity"));
        robot.clickOn("Pause pg-billing");
        assertThat(calls).containsExactly("pause 2");
        openMenu(robot, cell(robot, "mirror activity"));
        robot.clickOn("Resume pg-billing");
        assertThat(calls).containsExactly("pause 2", "resume 2");
    }

    @Test
    void liveUpdatesKeepTheSelectedRowEvenWhenItMovesInASortedTable(FxRobot robot) {
        robot.interact(() -> deliver(jobs(), 0));
        TableView<JobRowModel> table = pane.table();
        robot.interact(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(2)))); // by status, worst first
        assertThat(table.getItems()).extracting(JobRowModel::job).first().isEqualTo("mirror session");
        robot.clickOn(cell(robot, "connect"));
        JobRowModel selected = table.getSelectionModel().getSelectedItem();
        assertThat(selected.job()).isEqualTo("connect");

        List<JobRow> later = new ArrayList<>(jobs());
        later.set(0, PipelineStatusViewModelTest.ran(ORA, "connect", Status.ERROR, "ORA-12541: no listener", 0, 30, false));
        robot.interact(() -> deliver(later, 1));
        robot.interact(() -> deliver(later, 2));
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(table.getItems().indexOf(selected));
        assertThat(cellTexts(robot)).contains("ORA-12541: no listener");
        assertThat(robot.lookup("#pipelineCounts").queryAs(Label.class).getText()).isEqualTo("4 jobs, 3 with problems");
    }
}
