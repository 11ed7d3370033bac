package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.config.ServerAddress;

/** The stores' addresses that ask for TLS, checked for their form before anything connects. */
class DataStoresTlsTest {

    static ServerAddress at(String url) {
        return new ServerAddress(url, "", null);
    }

    @Test
    void tlsAddressesAreAcceptedAndACaFileOnAPlainAddressIsQuestioned() {
        assertThat(DataStores.problem(DataStores.Role.LEDGER, at("rediss://redis1:6380/team?tlsCaFile=/etc/vigil/ca.pem"))).isNull();
        assertThat(DataStores.problem(DataStores.Role.SERIES, at("https://influx1:8086/vigil?tlsCaFile=/etc/vigil/ca.pem"))).isNull();
        assertThat(DataStores.problem(DataStores.Role.CACHE,
                at("jdbc:mysql://db1:3306/vigil_cache?sslMode=VERIFY_IDENTITY&tlsCaFile=/etc/vigil/ca.pem"))).isNull();
        assertThat(DataStores.problem(DataStores.Role.LEDGER, at("redis://redis1:6379?tlsCaFile=/etc/vigil/ca.pem"))).contains("rediss://");
        assertThat(DataStores.problem(DataStores.Role.SERIES, at("http://influx1:8086/vigil?tlsCaFile=/etc/vigil/ca.pem"))).contains("https://");
        assertThat(DataStores.problem(DataStores.Role.LEDGER, at("http://redis1:6379"))).contains("rediss:// for TLS");
    }
}
