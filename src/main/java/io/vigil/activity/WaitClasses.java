package io.vigil.activity;

import java.util.Comparator;
import java.util.List;

/** Oracle's wait classes in the order EM's Top Activity stacks them: CPU at the bottom, Other on top. */
public final class WaitClasses {

    /** What a session not waiting counts as. */
    public static final String CPU = "CPU";

    public static final List<String> ORDER = List.of(CPU, "Scheduler", "User I/O", "System I/O", "Concurrency", "Application", "Commit",
            "Configuration", "Administrative", "Network", "Queueing", "Cluster", "Other");

    /** By {@link #ORDER}; a class Oracle adds later goes on top, by name. */
    public static final Comparator<String> STACKING = Comparator.<String>comparingInt(c -> {
        int i = ORDER.indexOf(c);
        return i < 0 ? ORDER.size() : i;
    }).thenComparing(Comparator.naturalOrder());

    private WaitClasses() {
    }
}
