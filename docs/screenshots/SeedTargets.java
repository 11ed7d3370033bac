import java.nio.file.Path;
import java.util.List;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.SecretBox;
import io.vigil.config.Secret;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

/** Fills a fresh data folder with a few sample targets, so screenshots show a console in use. */
public class SeedTargets {
    public static void main(String[] args) {
        AppDirs dirs = new AppDirs(Path.of(args[0]));
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            // simulated Oracle instances, so every pane has live data; one real address that does not answer shows "down"
            save(store, "billing-prod", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "prod", "billing");
            save(store, "crm-prod", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "CDB", "prod"); // plays a CDB with three PDBs
            save(store, "hr-test", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "test");
            save(store, "dr-standby", TargetKind.ORACLE, "ora-dr-01.invalid", 1521, ConnectBy.SERVICE_NAME, "BILLDR", "prod", "billing");
            save(store, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "demo");
        }
    }

    static void save(ConfigStore store, String name, TargetKind kind, String host, int port, ConnectBy by, String db, String... tags) {
        store.saveTarget(new Target(0, name, kind, host, port, by, db, "", kind.isNetworked() ? "vigil" : "", Secret.of("sample"),
                List.of(tags), true));
    }
}
