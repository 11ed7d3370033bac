package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;

import picocli.CommandLine;

/**
 * {@code vigil collect} with a team store that does not answer: one sentence on standard error naming the store, its
 * address and why, in the user's language, never the client's exception or the generic fault.
 */
class CollectStoresWordsTest {

    @TempDir
    Path home;

    @Test
    void aCacheThatDoesNotAnswerIsNamedWithItsReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CliErrors.install(new CommandLine(new CollectCommand()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String cache = "jdbc:mysql://127.0.0.1:" + port + "/vigil_cache";
        int exit = cl.execute("--data-dir", home.toString(), "--cache", cache, "--cache-user", "vigil", "--duration", "2s");
        assertThat(exit).as(err.toString()).isEqualTo(2);
        Messages messages = new Messages(Messages.localeFor(""));
        String expected = messages.render(io.vigil.i18n.Reason.of("dataStore.unreachable", io.vigil.i18n.Reason.of("dataStore.CACHE"),
                cache, io.vigil.i18n.Reason.of("configStore.why.refused")));
        assertThat(err.toString().strip()).isEqualTo(expected);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("Communications link failure")
                .doesNotContain(messages.get("cli.fault"));
    }
}
