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
            save(store, "billing-prod", TargetKind.ORACLE, "ora-bill-01.corp", 1521, ConnectBy.SERVICE_NAME, "BILLPDB", "prod", "billing");
            save(store, "crm-prod", TargetKind.ORACLE, "ora-crm-01.corp", 1521, ConnectBy.SID, "CRM11G", "prod");
            save(store, "shop-mariadb", TargetKind.MYSQL, "10.20.4.17", 3306, ConnectBy.DATABASE, "shop", "prod", "web");
            save(store, "reports-pg", TargetKind.POSTGRES, "pg-rep.corp", 5432, ConnectBy.DATABASE, "reports", "analytics");
            save(store, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "");
        }
    }

    static void save(ConfigStore store, String name, TargetKind kind, String host, int port, ConnectBy by, String db, String... tags) {
        store.saveTarget(new Target(0, name, kind, host, port, by, db, "", kind.isNetworked() ? "vigil" : "", Secret.of("sample"),
                List.of(tags), true));
    }
}
