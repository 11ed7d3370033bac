package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;

import picocli.CommandLine;

class MainTest {

    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void noConfigStoreOptionKeepsTheSettings() {
        assertThat(parse().stores.location()).isEmpty();
    }

    @Test
    void embeddedAndServerStoresAreRead() {
        assertThat(parse("--config-store", "embedded").stores.location()).contains(StoreLocation.embedded());
        StoreLocation server = parse("--config-store", "jdbc:mysql://db1:3306/vigil", "--config-store-user", "vigil")
                .stores.location().orElseThrow();
        assertThat(server.kind()).isEqualTo(StoreKind.MYSQL);
        assertThat(server.url()).isEqualTo("jdbc:mysql://db1:3306/vigil");
        assertThat(server.user()).isEqualTo("vigil");
    }

    @Test
    void theDataFolderNamedBeforeACommandIsTheOneItUses(@TempDir Path before, @TempDir Path after) {
        try {
            StringWriter out = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            assertThat(cl.execute("--data-dir", before.toString(), "export")).as(out.toString()).isZero();
            assertThat(out.toString()).contains("name: demo");
            assertThat(before.resolve("config")).as("the first start happened in the folder named").isDirectory();

            Path unused = before.resolve("unused");
            assertThat(Main.commandLine().execute("--data-dir", unused.toString(), "export", "--data-dir", after.toString(),
                    after.resolve("x.yaml").toString())).isZero();
            assertThat(after.resolve("config")).as("the one after the command wins").isDirectory();
            assertThat(unused).doesNotExist();
        } finally {
            System.clearProperty("vigil.home");
            System.clearProperty("vigil.logs");
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotACrash() {
        assertThat(Main.commandLine().execute("--no-such-option")).isEqualTo(2);
    }

    @Test
    void versionNamesTheProductAndTheJava() {
        assertThat(new Main.Version().getVersion()[0]).startsWith("Vigil ");
        assertThat(new Main.Version().getVersion()[1]).startsWith("Java 25");
    }
}
