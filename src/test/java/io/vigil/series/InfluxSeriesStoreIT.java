package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.testsupport.InfluxServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestInfluxDb;

/** The series-store contract on a real InfluxDB 1.x, checked again with plain InfluxQL. */
class InfluxSeriesStoreIT extends SeriesStoreContract {

    private TestInfluxDb db;

    @Override
    protected SeriesStore open() {
        InfluxServer influx = RealServices.influx();
        db = influx.createDatabase("series");
        return InfluxSeriesStore.v1(influx.url(), db.name(), "", Secret.empty());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void pointsAreInfluxPointsThatInfluxQlReadsBack() {
        store.write(List.of(p("oracle.sessions", "prod", 0, 12), p("oracle.sessions", "prod", 15, 14)));
        String json = RealServices.influx().query(db.name(), "SELECT value FROM \"oracle.sessions\" WHERE target = 'prod'");
        assertThat(json).contains("[" + T0.toEpochMilli() + ",12]").contains("[" + T0.plusSeconds(15).toEpochMilli() + ",14]");
    }

    @Test
    void aMissingDatabaseIsReportedWithInfluxsOwnWords() {
        try (SeriesStore wrong = InfluxSeriesStore.v1(RealServices.influx().url(), "no_such_db_here", "", Secret.empty())) {
            assertThatThrownBy(() -> wrong.write(List.of(p("x", "a", 0, 1))))
                    .isInstanceOf(SeriesStoreException.class).hasMessageContaining("database not found");
        }
    }

    @Test
    void anUnreachableServerIsReportedWithItsAddress() throws Exception {
        int unused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        try (SeriesStore down = InfluxSeriesStore.v1("http://127.0.0.1:" + unused, "x", "", Secret.empty())) {
            assertThatThrownBy(() -> down.query(new RangeQuery("x", Map.of(), T0, T0.plusSeconds(1), 1)))
                    .isInstanceOf(SeriesStoreException.class)
                    .hasMessageContaining("127.0.0.1:" + unused).hasMessageContaining("Check that it is running");
        }
    }
}
