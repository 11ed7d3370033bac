package io.vigil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheBrowser;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.mirror.MirrorResult;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

/** The tables pane's state over a real embedded cache that a mirror job fills from the demo Oracle. */
class TablesViewModelTest {

    static final Target DEMO = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);
    static final Target MARIA = new Target(2, "maria", TargetKind.MYSQL, "db2", 3306, ConnectBy.DATABASE, "shop", "", "vigil",
            Secret.empty(), List.of(), true);
    static final List<MirrorDef> MIRRORS = new ArrayList<>();

    static {
        for (TargetKind k : List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES)) {
            MIRRORS.addAll(Packs.shipped(k).mirrorDefs());
        }
    }

    @TempDir
    Path folder;
    TargetConnections connections;
    CacheDb cache;
    InMemoryLedger ledger;
    MirrorJob job;
    List<String> status = new ArrayList<>();
    Messages messages = new Messages(Locale.ENGLISH);
    TablesViewModel model;

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        ledger = new InMemoryLedger();
        job = new MirrorJob(connections, cache, ledger);
        model = new TablesViewModel(() -> MIRRORS, new CacheBrowser(cache, ledger), new DirectTaskExecutor(), messages, status::add);
        model.start();
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
    }

    static Watch.Snapshot snapshot(Instant at, Target... targets) {
        return new Watch.Snapshot(at, List.of(targets), Map.of(), List.of(), new LatestValues(), new Spool.Fill(0, 0, 0, 1000, 0), List.of());
    }

    static MirrorDef oracle(String name) {
        return MIRRORS.stream().filter(m -> m.kind() == TargetKind.ORACLE && m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFirstTargetIsChosenWithItsPacksMirrorsAndSessionsFirst() {
        model.update(snapshot(Instant.now(), DEMO, MARIA));
        assertThat(model.targetProperty().get()).isEqualTo(DEMO);
        assertThat(model.mirrors()).extracting(MirrorDef::kind).containsOnly(TargetKind.ORACLE);
        assertThat(model.mirrors()).hasSize((int) MIRRORS.stream().filter(m -> m.kind() == TargetKind.ORACLE).count());
        assertThat(model.commonMirrors()).extracting(MirrorDef::name).containsExactly("session", "tablespace_usage", "top_sql");
        assertThat(model.commonMirrors()).extracting(model::label).containsExactly("Sessions", "Tablespaces", "Top SQL");
        assertThat(model.mirrorProperty().get().name()).isEqualTo("session");

        model.targetProperty().set(MARIA);
        assertThat(model.mirrors()).extracting(MirrorDef::kind).containsOnly(TargetKind.MYSQL);
        assertThat(model.mirrorProperty().get().name()).isEqualTo("processlist");
    }

    @Test
    void aMirrorThatHasNotRunSaysSoAndFillsInWhenItsSyncAppears() {
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTitle().get()).isEqualTo("Not mirrored yet");
        assertThat(model.emptyHint().get()).contains("session").contains("demo").contains("15 s");
        assertThat(model.summaryProperty().get()).isEmpty();

        MirrorResult r = job.run(DEMO, oracle("session"));
        model.update(snapshot(r.sourceTime().plusSeconds(1), DEMO)); // auto-refresh sees the new sync in the ledger
        assertThat(model.rows()).hasSize((int) r.rows());
        assertThat(model.columns()).hasSize(17);
    }

    @Test
    void theSummaryGivesTheRowsTheSourceTimeAndItsAge() {
        MirrorResult r = job.run(DEMO, oracle("session"));
        model.update(snapshot(r.sourceTime().plusSeconds(12), DEMO));
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.ofInstant(r.sourceTime(), ZoneId.systemDefault()));
        assertThat(model.summaryProperty().get()).isEqualTo(r.rows() + " rows, snapshot from " + time + " (12 s old)");
        model.update(snapshot(r.sourceTime().plusSeconds(300), DEMO));
        assertThat(model.summaryProperty().get()).endsWith("(5 min old)");
    }

    @Test
    void aNewerSyncReloadsOnlyWhileAutoRefreshIsOnAndThePaneIsShown() throws Exception {
        MirrorResult first = job.run(DEMO, oracle("session"));
        model.update(snapshot(Instant.now(), DEMO));
        MirrorRow shownBefore = model.rows().getFirst();
        assertThat(model.page().orElseThrow().syncedAt()).contains(first.sourceTime());

        model.autoRefreshProperty().set(false);
        Thread.sleep(5);
        MirrorResult second = job.run(DEMO, oracle("session"));
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.rows().getFirst()).as("not reloaded").isSameAs(shownBefore);

        model.autoRefreshProperty().set(true);
        model.showingProperty().set(false);
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.rows().getFirst()).as("out of sight, not reloaded").isSameAs(shownBefore);
        model.showingProperty().set(true);
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.page().orElseThrow().syncedAt()).contains(second.sourceTime());
        assertThat(model.rows().getFirst()).as("reloaded").isNotSameAs(shownBefore);
        MirrorRow reloaded = model.rows().getFirst();
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.rows().getFirst()).as("no newer sync, no reload").isSameAs(reloaded);
    }

    @Test
    void theQuickFilterMatchesAnyColumnIgnoringCase() {
        job.run(DEMO, oracle("session"));
        model.update(snapshot(Instant.now(), DEMO));
        int all = model.rows().size();
        int status = model.columns().stream().map(CacheBrowser.Column::name).toList().indexOf("status");
        model.quickFilterProperty().set("  inactive ");
        assertThat(model.shownRows()).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(r -> assertThat(r.values()).anySatisfy(v -> assertThat(CellValues.text(v).toLowerCase(Locale.ROOT)).contains("inactive")));
        assertThat(model.shownRows()).extracting(r -> r.value(status)).contains("INACTIVE");
        model.quickFilterProperty().set("no such text anywhere");
        assertThat(model.shownRows()).isEmpty();
        assertThat(model.emptyTitle().get()).isEqualTo("No row matches");
        model.quickFilterProperty().set("");
        assertThat(model.shownRows()).hasSize(all);
    }

    @Test
    void aLimitCutsTheRowsAndTheSummarySaysSo() {
        model = new TablesViewModel(() -> MIRRORS, new CacheBrowser(cache, ledger), new DirectTaskExecutor(), messages, status::add, 5);
        model.start();
        MirrorResult r = job.run(DEMO, oracle("sysstat"));
        model.update(snapshot(Instant.now(), DEMO));
        model.mirrorProperty().set(oracle("sysstat"));
        assertThat(model.rows()).hasSize(5);
        assertThat(model.summaryProperty().get()).startsWith("First 5 of " + r.rows() + " rows, snapshot from");
    }

    @Test
    void theExportWritesTheGivenRowsUnderTheColumnNames() throws Exception {
        job.run(DEMO, oracle("session"));
        model.update(snapshot(Instant.now(), DEMO));
        model.quickFilterProperty().set("active");
        Path file = folder.resolve(model.suggestedFileName());
        model.exportCsv(model.shownRows(), file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("sid,serial_no,username,status,").endsWith(",logon_time");
        assertThat(lines).hasSize(model.shownRows().size() + 1);
        assertThat(Files.readString(file)).contains("\r\n");
        assertThat(file.getFileName().toString()).matches("demo-session-\\d{8}-\\d{6}\\.csv");
        assertThat(status.getLast()).isEqualTo("Exported " + model.shownRows().size() + " rows to " + file + ".");
    }

    @Test
    void aDeletedTargetGivesWayToTheNextAndNoTargetsSaysWhatToDo() {
        model.update(snapshot(Instant.now(), DEMO, MARIA));
        model.targetProperty().set(MARIA);
        model.update(snapshot(Instant.now(), DEMO, MARIA.withEnabled(false)));
        assertThat(model.targetProperty().get().id()).as("kept by id").isEqualTo(2);
        model.update(snapshot(Instant.now(), DEMO));
        assertThat(model.targetProperty().get()).isEqualTo(DEMO);
        model.update(snapshot(Instant.now()));
        assertThat(model.targetProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTitle().get()).isEqualTo("No targets");
    }
}
