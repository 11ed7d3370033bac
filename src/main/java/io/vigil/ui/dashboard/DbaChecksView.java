package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.gather.OracleChecks;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Ages;

/**
 * The dashboard's morning checks for an Oracle target, between the tiles and the recent events: the instance (version,
 * uptime), Data Guard (role, protection mode, lags, gap), the last full, incremental and archived-log backups (when,
 * how long ago, the last job's status; amber or red when too old or failed), and passwords (accounts expiring within
 * {@value OracleChecks#EXPIRY_DAYS} days, in grace, locked). Hidden for other kinds of target.
 */
final class DbaChecksView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final ObservableValue<Instant> now;
    private final VBox root;
    private final Label version = value("dbaVersion");
    private final Label uptime = value("dbaUptime");
    private final Label role = value("dbaRole");
    private final Label protection = value("dbaProtection");
    private final Label transport = value("dbaTransportLag");
    private final Label apply = value("dbaApplyLag");
    private final Label gap = value("dbaGap");
    private final Label noStandby = new Label();
    private final Label[] backups = new Label[OracleChecks.BackupKind.values().length];
    private final Label expiring = value("dbaExpiring");
    private final Label grace = value("dbaGrace");
    private final Label locked = value("dbaLocked");
    private final Label accountsNote = new Label();

    DbaChecksView(DbaChecks model, Messages messages, ObservableValue<Instant> now) {
        this.messages = messages;
        this.now = now;
        GridPane instance = grid();
        row(instance, 0, messages.get("dashboard.dba.version"), version);
        row(instance, 1, messages.get("dashboard.dba.uptime"), uptime);

        GridPane dg = grid();
        row(dg, 0, messages.get("dashboard.dba.role"), role);
        row(dg, 1, messages.get("dashboard.dba.protection"), protection);
        row(dg, 2, messages.get("dashboard.dba.transportLag"), transport);
        row(dg, 3, messages.get("dashboard.dba.applyLag"), apply);
        row(dg, 4, messages.get("dashboard.dba.gap"), gap);
        noStandby.setText(messages.get("dashboard.dba.noStandby"));
        noStandby.getStyleClass().add("dba-note");
        noStandby.setWrapText(true);
        noStandby.setMaxWidth(300);
        dg.add(noStandby, 0, 5, 2, 1);

        GridPane backup = grid();
        for (OracleChecks.BackupKind kind : OracleChecks.BackupKind.values()) {
            backups[kind.ordinal()] = value("dbaBackup" + kind.name());
            row(backup, kind.ordinal(), messages.get("dashboard.dba.backup." + kind.name()), backups[kind.ordinal()]);
        }

        GridPane passwords = grid();
        row(passwords, 0, messages.get("dashboard.dba.expiring", OracleChecks.EXPIRY_DAYS), expiring);
        row(passwords, 1, messages.get("dashboard.dba.grace"), grace);
        row(passwords, 2, messages.get("dashboard.dba.locked"), locked);
        accountsNote.setText(messages.get("dashboard.dba.accountsNotRead"));
        accountsNote.getStyleClass().add("dba-note");
        accountsNote.setWrapText(true);
        accountsNote.setMaxWidth(320);
        passwords.add(accountsNote, 0, 3, 2, 1);

        FlowPane cards = new FlowPane(14, 14, card("dbaInstance", "fas-server", "dashboard.dba.instance", instance),
                card("dbaDataGuard", "fas-clone", "dashboard.dba.dataguard", dg),
                card("dbaBackups", "fas-archive", "dashboard.dba.backups", backup),
                card("dbaPasswords", "fas-key", "dashboard.dba.passwords", passwords));
        Label problem = new Label();
        problem.getStyleClass().add("form-error");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        root = new VBox(6, cards, problem);
        root.setId("dashboardDba");
        root.getStyleClass().add("dashboard-dba");
        model.report().addListener((o, was, report) -> show(report));
        show(model.report().get());
    }

    VBox root() {
        return root;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("dba-value");
        l.setWrapText(true);
        l.setMaxWidth(320);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(5);
        return g;
    }

    private static void row(GridPane grid, int row, String text, Label value) {
        Label name = new Label(text);
        name.getStyleClass().add("dba-name");
        name.setMinWidth(Label.USE_PREF_SIZE);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        grid.add(name, 0, row);
        grid.add(value, 1, row);
    }

    private VBox card(String id, String icon, String titleKey, GridPane body) {
        Label title = new Label(messages.get(titleKey), new FontIcon(icon));
        title.getStyleClass().add("dba-card-title");
        VBox card = new VBox(8, title, body);
        card.setId(id);
        card.getStyleClass().add("dba-card");
        card.setAlignment(Pos.TOP_LEFT);
        card.setMinWidth(260);
        return card;
    }

    private static void level(Label l, Level level) {
        l.getStyleClass().removeIf(c -> c.startsWith("level-"));
        l.getStyleClass().add(level.styleClass());
    }

    private void show(OracleChecks.Report r) {
        root.setVisible(r != null);
        root.setManaged(r != null);
        if (r == null) {
            return;
        }
        String notYet = messages.get("dashboard.dba.notYet");
        version.setText(r.version() == null ? notYet : r.version());
        Instant at = now.getValue();
        if (r.started() == null) {
            uptime.setText(notYet);
        } else {
            Instant ref = at == null || at.equals(Instant.EPOCH) ? Instant.now() : at;
            uptime.setText(messages.get("dashboard.dba.uptimeSince", Ages.format(Duration.between(r.started(), ref), messages),
                    WHEN.format(r.started().atZone(java.time.ZoneId.systemDefault()))));
        }

        role.setText(r.role() == null ? notYet : r.role());
        protection.setText(r.protection() == null ? notYet : r.protection());
        transport.setText(lag(r.transportLag()));
        apply.setText(lag(r.applyLag()));
        level(transport, r.transportLag() == null ? Level.NONE : DbaChecks.lagLevel(r.transportLag()));
        level(apply, r.applyLag() == null ? Level.NONE : DbaChecks.lagLevel(r.applyLag()));
        gap.setText(r.gapLogs() == null ? notYet : r.gapLogs() == 0 ? messages.get("dashboard.dba.gapNone")
                : messages.get("dashboard.dba.gapLogs", r.gapLogs()));
        level(gap, r.gapLogs() == null ? Level.NONE : r.gapLogs() > 0 ? Level.CRIT : Level.OK);
        noStandby.setVisible(!r.hasStandby());
        noStandby.setManaged(!r.hasStandby());

        for (OracleChecks.BackupKind kind : OracleChecks.BackupKind.values()) {
            Label l = backups[kind.ordinal()];
            OracleChecks.Backup b = r.backups().stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
            if (b == null) {
                l.setText(notYet);
                level(l, Level.NONE);
                continue;
            }
            if (b.ageHours() == null) {
                l.setText(b.lastStatus() == null ? messages.get("dashboard.dba.backupNone")
                        : messages.get("dashboard.dba.backupNoneStatus", b.lastStatus()));
            } else {
                l.setText(messages.get("dashboard.dba.backupAge", b.lastOk() == null ? "" : WHEN.format(b.lastOk()),
                        Ages.format(Duration.ofMinutes(Math.round(b.ageHours() * 60)), messages), b.lastStatus() == null ? "" : b.lastStatus()));
            }
            level(l, DbaChecks.level(b));
        }

        accountsNote.setVisible(!r.accountsRead());
        accountsNote.setManaged(!r.accountsRead());
        String none = messages.get("dashboard.dba.none");
        if (!r.accountsRead()) {
            expiring.setText("");
            grace.setText("");
            locked.setText("");
            return;
        }
        List<String> soon = r.expiring().stream()
                .map(a -> messages.get("dashboard.dba.expiringRow", a.username(), Math.floor(a.days()))).toList();
        expiring.setText(soon.isEmpty() ? none : String.join("\n", soon));
        level(expiring, r.expiring().stream().map(DbaChecks::level).reduce(Level.OK, Level::worst));
        grace.setText(r.grace().isEmpty() ? none : String.join(", ", r.grace()));
        level(grace, r.grace().isEmpty() ? Level.OK : Level.WARN);
        locked.setText(r.locked().isEmpty() ? none : String.join(", ", r.locked()));
    }

    private String lag(Double seconds) {
        return seconds == null ? "\u2013" : Ages.format(Duration.ofSeconds(Math.round(seconds)), messages);
    }

}
