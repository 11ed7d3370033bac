package io.vigil.config;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a new config store gets: the shipped packs, and on the very first start a demo Oracle target so there is
 * something to watch at once. A demo the user deleted is not brought back: only a store with no definitions at all is new.
 */
public final class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    public static final String DEMO_NAME = "demo";

    private FirstStart() {
    }

    /** Installs missing packs; returns true when this was the store's first start (and the demo target was added). */
    public static boolean prepare(ConfigStore store) {
        boolean fresh = store.mirrors().isEmpty() && store.targets().isEmpty();
        Packs.installMissing(store);
        if (fresh) {
            store.saveTarget(new Target(0, DEMO_NAME, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
                    List.of("demo"), true));
            LOG.info("First start: added the demo Oracle target");
        }
        return fresh;
    }
}
