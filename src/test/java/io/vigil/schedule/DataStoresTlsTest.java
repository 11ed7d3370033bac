package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.ServerAddress;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/** The stores' addresses that ask for TLS, checked for their form before anything connects. */
class DataStoresTlsTest {

    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ZH = new Messages(Locale.SIMPLIFIED_CHINESE);

    static ServerAddress at(String url) {
        return new ServerAddress(url, "", null);
    }

    @Test
    void tlsAddressesAreAcceptedAndACaFileOnAPlainAddressIsQuestioned() {
        assertThat(DataStores.problem(DataStores.Role.LEDGER, at("rediss://redis1:6380/team?tlsCaFile=/etc/vigil/ca.pem"))).isEqualTo(Reason.NONE);
        assertThat(DataStores.problem(DataStores.Role.SERIES, at("https://influx1:8086/vigil?tlsCaFile=/etc/vigil/ca.pem"))).isEqualTo(Reason.NONE);
        assertThat(DataStores.problem(DataStores.Role.CACHE,
                at("jdbc:mysql://db1:3306/vigil_cache?sslMode=VERIFY_IDENTITY&tlsCaFile=/etc/vigil/ca.pem"))).isEqualTo(Reason.NONE);
        Reason plainRedis = DataStores.problem(DataStores.Role.LEDGER, at("redis://redis1:6379?tlsCaFile=/etc/vigil/ca.pem"));
        assertThat(EN.render(plainRedis)).contains("rediss://").contains("CA file");
        assertThat(ZH.render(plainRedis)).contains("rediss://").contains("CA 文件");
        assertThat(EN.render(DataStores.problem(DataStores.Role.SERIES, at("http://influx1:8086/vigil?tlsCaFile=/etc/vigil/ca.pem"))))
                .contains("https://");
        Reason notRedis = DataStores.problem(DataStores.Role.LEDGER, at("http://redis1:6379"));
        assertThat(EN.render(notRedis)).contains("rediss:// for TLS");
        assertThat(ZH.render(notRedis)).contains("Redis 地址").contains("rediss://");
    }
}
