package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;

class MainTest {

    private static Main parse(String... args) {
        Main main = new Main();
        new picocli.CommandLine(main).parseArgs(args);
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
    void anUnknownOptionIsAUsageErrorNotACrash() {
        assertThat(Main.commandLine().execute("--no-such-option")).isEqualTo(2);
    }

    @Test
    void versionNamesTheProductAndTheJava() {
        assertThat(new Main.Version().getVersion()[0]).startsWith("Vigil ");
        assertThat(new Main.Version().getVersion()[1]).startsWith("Java 25");
    }
}
