package io.vigil.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EmptyState;
import io.vigil.watch.Health;
import io.vigil.watch.Watch;

/**
 * The dashboard pane: a target chooser, a banner saying why the target is not healthy, "Open trends", a tile per
 * headline, an Oracle target's morning checks (Data Guard, backups, passwords), and the target's recent events. Tiles are built when another target is chosen and updated in place from then on, and only while the pane
 * is on screen: TilesFX queues every event of a tile outside a showing window, so the view catches up when it returns.
 */
public final class DashboardView {

    private final DashboardViewModel model;
    private final Messages messages;
    private final TilePalette palette;
    private final BorderPane root = new BorderPane();
    private final ComboBox<Target> chooser = new ComboBox<>();
    private final Label banner = new Label();
    private final FlowPane flow = new FlowPane(14, 14);
    private final StackPane body = new StackPane();
    private ScrollPane scroll;
    private Region dba;
    private final Region noTargets;
    private final List<HeadlineTile> tiles = new ArrayList<>();
    private boolean rebuild = true;
    /** The headline under whose gauge the soonest-full space is named. */
    static final String SPACE = "space";
    private final javafx.beans.binding.StringBinding forecastLine;
    private final javafx.beans.binding.StringBinding forecastTip;
    private boolean choosing;

    private final javafx.beans.property.ObjectProperty<java.util.function.Function<io.vigil.config.Target, HealthReportViewModel>> reports =
            new javafx.beans.property.SimpleObjectProperty<>(this, "reports");
    private java.util.function.Consumer<String> openDocument = url -> { };
    private HealthReportDialog lastReport;

    public DashboardView(DashboardViewModel model, Messages messages, TilePalette palette, Consumer<Target> openTrends) {
        this.model = model;
        this.messages = messages;
        forecastLine = javafx.beans.binding.Bindings.createStringBinding(
                () -> io.vigil.ui.util.ForecastTexts.headline(model.spaceForecasts().get(), messages), model.spaceForecasts());
        forecastTip = javafx.beans.binding.Bindings.createStringBinding(() -> model.spaceForecasts().get().isEmpty() ? ""
                : io.vigil.ui.util.ForecastTexts.tooltip(model.spaceForecasts().get().getFirst().forecast(), messages), model.spaceForecasts());
        this.palette = palette;
        root.setId("dashboardPane");
        root.getStyleClass().addAll("pane", "dashboard");

        Label title = new Label(messages.get("dashboard.title"));
        title.getStyleClass().add("pane-title");
        chooser.setId("dashboardTarget");
        chooser.setItems(model.targets());
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(Target t) {
                return t == null ? "" : t.name() + "  \u00b7  " + messages.get("kind.short." + t.kind().name());
            }

            @Override
            public Target fromString(String s) {
                return null;
            }
        });
        chooser.setPromptText(messages.get("dashboard.choose"));
        chooser.setPrefWidth(260);
        chooser.valueProperty().addListener((o, was, now) -> {
            if (!choosing && now != null) {
                showTarget(now);
            }
        });
        Button trends = new Button(messages.get("dashboard.openTrends"), new FontIcon("fas-chart-line"));
        trends.setId("dashboardTrends");
        trends.disableProperty().bind(model.selected().isNull());
        trends.setOnAction(e -> openTrends.accept(model.selected().get()));
        Button report = new Button(messages.get("dashboard.healthReport"), new FontIcon("fas-file-alt"));
        report.setId("dashboardReport");
        report.disableProperty().bind(model.selected().isNull().or(reports.isNull()));
        report.setOnAction(e -> openReport());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, chooser, gap, report, trends);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        banner.setId("dashboardBanner");
        banner.getStyleClass().add("dashboard-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        Label problem = new Label();
        problem.getStyleClass().add("pane-subtitle");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox top = new VBox(header, banner, problem);
        root.setTop(top);

        flow.getStyleClass().add("dashboard-tiles");
        VBox content = new VBox(flow);
        if (model.dbaChecks() != null) {
            dba = new DbaChecksView(model.dbaChecks(), messages, model.at()).root();
            content.getChildren().add(dba);
        }
        if (model.recentEvents() != null) {
            content.getChildren().add(new RecentEventsView(model.recentEvents(), messages, model.at()).root());
        }
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("tiles-scroll");
        noTargets = EmptyState.of("fas-tachometer-alt", messages.get("dashboard.empty.title"), messages.get("dashboard.empty.hint"));
        body.getChildren().setAll(scroll, noTargets);
        noTargets.visibleProperty().bind(model.selected().isNull());
        scroll.visibleProperty().bind(model.selected().isNotNull());
        root.setCenter(body);

        model.selected().addListener((o, was, now) -> {
            choosing = true;
            try {
                chooser.setValue(now);
            } finally {
                choosing = false;
            }
        });
        model.health().addListener((o, was, now) -> showBanner());
        model.reason().addListener((o, was, now) -> showBanner());
        showBanner();
        model.tracks().addListener((ListChangeListener<HeadlineTrack>) c -> {
            rebuild = true;
            render();
        });
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                Platform.runLater(this::render); // after the tiles have their scene too
            }
        });
    }

    public Region root() {
        return root;
    }

    /** Takes the live snapshot (once a second, on the FX thread). */
    public void update(Watch.Snapshot snapshot) {
        model.update(snapshot);
        render();
    }

    /** Shows a target's dashboard (from the overview, the tree or the chooser). */
    public void showTarget(Target target) {
        model.showTarget(target);
        render();
    }

    /**
     * Lets the dashboard make health reports: {@code reports} gives the dialog's view model for a target, and
     * {@code openDocument} shows a written file (the application's HostServices).
     */
    public void setReports(java.util.function.Function<io.vigil.config.Target, HealthReportViewModel> reports,
                           java.util.function.Consumer<String> openDocument) {
        this.reports.set(reports);
        this.openDocument = openDocument;
    }

    /** Opens the Health report dialog for the shown target; the dialog is kept for tests. */
    HealthReportDialog openReport() {
        if (reports.get() == null || model.selected().get() == null) {
            return null;
        }
        lastReport = new HealthReportDialog(reports.get().apply(model.selected().get()), messages,
                root.getScene() == null ? null : root.getScene().getWindow(), openDocument);
        lastReport.show();
        return lastReport;
    }

    /** The last Health report dialog opened (for tests). */
    HealthReportDialog lastReport() {
        return lastReport;
    }

    public DashboardViewModel model() {
        return model;
    }

    private void showBanner() {
        Health h = model.health().get();
        boolean show = model.selected().get() != null && h != Health.OK;
        banner.setVisible(show);
        banner.setManaged(show);
        banner.getStyleClass().removeIf(c -> c.startsWith("banner-"));
        banner.getStyleClass().add("banner-" + h.name().toLowerCase(java.util.Locale.ROOT));
        String reason = messages.render(model.reason().get());
        banner.setText(messages.get("health.tooltip." + h.name()) + (reason.isBlank() ? "" : "  " + reason));
    }

    private boolean onScreen() {
        return root.getScene() != null && root.getScene().getWindow() != null && root.getScene().getWindow().isShowing();
    }

    private void render() {
        if (!onScreen()) {
            return;
        }
        if (rebuild) {
            rebuild = false;
            tiles.clear();
            for (HeadlineTrack track : model.tracks()) {
                HeadlineTile tile = new HeadlineTile(track, messages, palette);
                if (SPACE.equals(track.headline().key())) {
                    tile.showForecast(forecastLine, forecastTip);
                }
                tiles.add(tile);
            }
            flow.getChildren().setAll(tiles.stream().map(HeadlineTile::root).toList());
        }
        for (HeadlineTile t : tiles) {
            t.render(model.at().get());
        }
    }

    /** Scrolls the DBA checks to the top of the pane, where the tiles were (the screenshot tour's dashboard-dba.png). */
    public void revealDbaChecks() {
        if (dba == null || !dba.isVisible()) {
            return;
        }
        double hidden = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(hidden <= 0 ? 0 : Math.min(1, (dba.getBoundsInParent().getMinY() - 14) / hidden));
    }

    /** The tiles shown, for tests. */
    List<HeadlineTile> tiles() {
        return tiles;
    }
}
