package io.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.i18n.Messages;

class RedisLedgerDownTest {

    @Test
    void aLedgerNobodyListensForIsSaidFromTheErrorsTypeNotInTheClientsWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RedisLedger ledger = new RedisLedger("127.0.0.1", port, "", Secret.empty(), "vigil:")) {
            LedgerException e = catchThrowableOfType(LedgerException.class, () -> ledger.last(1, "sysstat"));
            String en = new Messages(Locale.ENGLISH).render(e.reason());
            String zh = new Messages(Locale.SIMPLIFIED_CHINESE).render(e.reason());
            assertThat(en).contains("127.0.0.1:" + port).contains("nothing listens at that host and port").doesNotContain("Failed", "Jedis",
                    "Exception");
            assertThat(zh).contains("127.0.0.1:" + port).doesNotContain("Failed", "Jedis", "Exception", "refused");
        }
    }
}
