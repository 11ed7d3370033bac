package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.GrantFlavour;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.mirror.Preflight;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.ui.util.DirectTaskExecutor;

class GrantsViewModelTest {

    @TempDir
    Path home;

    private ConfigStore store;
    private TargetConnections connections;
    private final Messages messages = new Messages(Locale.ENGLISH);

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        FirstStart.prepare(store);
        connections = new TargetConnections(new DemoOracles());
    }

    @AfterEach
    void close() {
        connections.close();
        store.close();
    }

    private Target demoPlaying(String database) {
        Target demo = store.targets().getFirst();
        return store.saveTarget(new Target(demo.id(), demo.name(), demo.kind(), "", 0, ConnectBy.SERVICE_NAME, database, "", "vigil",
                Secret.empty(), demo.tags(), true));
    }

    private GrantsViewModel model(Target t, Preflight preflight) {
        GrantsViewModel m = new GrantsViewModel(t, store, preflight, new DirectTaskExecutor(), messages);
        m.load();
        return m;
    }

    @Test
    void theScriptFollowsTheFlavourAndTheOneRoleChoice() {
        GrantsViewModel m = model(demoPlaying(""), new Preflight(connections));
        assertThat(m.flavours()).containsExactly(GrantFlavour.ORACLE11, GrantFlavour.ORACLE12, GrantFlavour.ORACLE_CDB);
        assertThat(m.flavourProperty().get()).isEqualTo(GrantFlavour.ORACLE12);
        assertThat(m.scriptProperty().get()).contains("GRANT SELECT ON sys.v_$diag_alert_ext TO vigil;").doesNotContain("CONTAINER=ALL");

        m.flavourProperty().set(GrantFlavour.ORACLE11);
        assertThat(m.scriptProperty().get()).doesNotContain("diag_alert_ext TO").contains("written for release 11.2");
        m.flavourProperty().set(GrantFlavour.ORACLE_CDB);
        assertThat(m.scriptProperty().get()).contains("CREATE USER C##VIGIL").contains("CONTAINER=ALL;");
        m.rolesProperty().set(true);
        assertThat(m.scriptProperty().get()).contains("GRANT SELECT_CATALOG_ROLE TO C##VIGIL CONTAINER=ALL;")
                .doesNotContain("GRANT SELECT ON");
    }

    @Test
    void checkNowListsEachMirrorAndTakesTheFlavourOfTheServerItFound() {
        GrantsViewModel m = model(demoPlaying("11.2"), new Preflight(connections));
        m.flavourProperty().set(GrantFlavour.ORACLE_CDB); // a wrong guess by hand: the check corrects it
        m.check();
        assertThat(m.checkingProperty().get()).isFalse();
        assertThat(m.flavourProperty().get()).isEqualTo(GrantFlavour.ORACLE11);
        assertThat(m.scriptProperty().get()).doesNotContain("C##").contains("written for release 11.2");
        assertThat(m.rows()).extracting(GrantsViewModel.Row::mirror).contains("session", "alert_log", "ash");
        GrantsViewModel.Row alertLog = m.rows().stream().filter(r -> r.mirror().equals("alert_log")).findFirst().orElseThrow();
        assertThat(alertLog.state()).isEqualTo(Preflight.State.NOT_AVAILABLE);
        assertThat(alertLog.stateText()).isEqualTo("NOT AVAILABLE");
        assertThat(alertLog.detail()).contains("12.2");
        assertThat(m.rows()).filteredOn(r -> r.mirror().equals("session")).singleElement()
                .extracting(GrantsViewModel.Row::stateText).isEqualTo("OK");
        assertThat(m.summaryProperty().get()).isEqualTo("Every mirror reads with this account.");
        assertThat(m.failedProperty().get()).isFalse();
    }

    @Test
    void anAccountThatCannotLogInIsSaidPlainly() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Target t = store.saveTarget(new Target(0, "gone", TargetKind.MYSQL, "127.0.0.1", closed, ConnectBy.DATABASE, "", "", "mon",
                Secret.of("pw"), List.of(), true));
        GrantsViewModel m = model(t, new Preflight(connections));
        assertThat(m.scriptProperty().get()).contains("CREATE USER 'mon'@'%'").doesNotContain("'pw'");
        m.check();
        assertThat(m.failedProperty().get()).isTrue();
        assertThat(m.summaryProperty().get()).startsWith("The account could not log in:").doesNotContain("Exception");
        assertThat(m.rows()).isEmpty();
    }

    @Test
    void withoutACollectorTheCheckIsNotOfferedAndSavingWritesTheScript() throws Exception {
        GrantsViewModel m = model(demoPlaying(""), null);
        assertThat(m.canCheck()).isFalse();
        m.check();
        assertThat(m.rows()).isEmpty();
        List<String> said = new ArrayList<>();
        Path file = home.resolve("grants.sql");
        m.save(file, said::add);
        assertThat(Files.readString(file)).isEqualTo(m.scriptProperty().get()).contains("GRANT CREATE SESSION TO vigil;");
        assertThat(said).containsExactly("Saved to " + file + ".");
    }
}
