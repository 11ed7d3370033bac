package io.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.config.ServerAddress;
import io.vigil.config.Settings;
import io.vigil.i18n.Messages;
import io.vigil.schedule.DataStores.Role;
import io.vigil.testsupport.InfluxServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestInfluxDb;
import io.vigil.ui.util.DirectTaskExecutor;

/** The data-store settings test real servers and say in words what answered or why not. */
class DataStoresViewModelIT {

    final List<Settings> saved = new ArrayList<>();

    DataStoresViewModel model(Settings s) {
        return new DataStoresViewModel(s, () -> s, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), saved::add);
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void eachServerIsTestedForRealAndAWrongPasswordOrADeadPortIsSaidInWords() throws Exception {
        RedisServer redis = RealServices.redis();
        InfluxServer influx = RealServices.influx();
        try (TestDatabase cache = RealServices.mariadb().createDatabase("dscache");
             TestInfluxDb series = influx.createDatabase("dsseries")) {
            DataStoresViewModel m = model(Settings.defaults());
            DataStoresViewModel.Row c = m.row(Role.CACHE);
            c.serverProperty().set(true);
            c.urlProperty().set(cache.jdbcUrl());
            c.userProperty().set(cache.user());
            c.passwordProperty().set(cache.password());
            m.test(Role.CACHE);
            assertThat(c.resultOkProperty().get()).as(c.resultProperty().get()).isTrue();
            assertThat(c.resultProperty().get()).contains("answered in");

            c.passwordProperty().set("wrong-" + cache.password());
            m.test(Role.CACHE);
            assertThat(c.resultOkProperty().get()).isFalse();
            assertThat(c.resultProperty().get()).containsIgnoringCase("password").doesNotContain("wrong-").doesNotContain("Exception");

            DataStoresViewModel.Row l = m.row(Role.LEDGER);
            l.serverProperty().set(true);
            l.urlProperty().set("redis://" + redis.host() + ":" + redis.port() + "/dstest");
            m.test(Role.LEDGER);
            assertThat(l.resultOkProperty().get()).as(l.resultProperty().get()).isTrue();
            l.urlProperty().set("redis://127.0.0.1:" + closedPort());
            m.test(Role.LEDGER);
            assertThat(l.resultOkProperty().get()).isFalse();
            assertThat(l.resultProperty().get()).contains("cannot be reached").contains("connection was refused")
                    .doesNotContain("Exception").doesNotContain("Failed to connect");

            DataStoresViewModel.Row s = m.row(Role.SERIES);
            s.serverProperty().set(true);
            s.urlProperty().set(influx.url() + "/" + series.name());
            m.test(Role.SERIES);
            assertThat(s.resultOkProperty().get()).as(s.resultProperty().get()).isTrue();
            s.urlProperty().set("http://127.0.0.1:" + closedPort() + "/vigil");
            m.test(Role.SERIES);
            assertThat(s.resultOkProperty().get()).isFalse();
            assertThat(s.resultProperty().get()).contains("127.0.0.1").contains("connection was refused").doesNotContain("Exception");
        }
    }

    @Test
    void aMalformedAddressIsRefusedBeforeAnythingIsTriedAndSaveWaitsForIt() {
        DataStoresViewModel m = model(Settings.defaults());
        assertThat(m.savable().get()).isTrue();
        DataStoresViewModel.Row l = m.row(Role.LEDGER);
        l.serverProperty().set(true);
        assertThat(l.problemProperty().get()).contains("address");
        l.urlProperty().set("http://redis1:6379");
        assertThat(l.problemProperty().get()).contains("redis://");
        assertThat(m.savable().get()).isFalse();
        m.save();
        assertThat(saved).isEmpty();

        l.urlProperty().set("redis://redis1:6379/team");
        m.save();
        assertThat(saved).singleElement().extracting(Settings::ledger).isEqualTo(new ServerAddress("redis://redis1:6379/team", "", Secret.empty()));
    }

    @Test
    void anEmptyPasswordFieldKeepsTheSavedPassword() {
        Settings s = Settings.defaults().withDataStores(new ServerAddress("jdbc:mysql://db1:3306/c", "u", Secret.of("kept")),
                ServerAddress.embedded(), ServerAddress.embedded());
        DataStoresViewModel m = model(s);
        m.save();
        assertThat(saved.getFirst().cache().password().reveal()).isEqualTo("kept");
    }
}
