package io.vigil.config;

/** The kinds of database Vigil watches; each has its own pack of mirrors and metrics. */
public enum TargetKind {
    ORACLE(1521),
    MYSQL(3306),
    POSTGRES(5432),
    /** The simulated Oracle shipped with Vigil: an embedded database that answers the Oracle pack. */
    DEMO_ORACLE(0);

    private final int defaultPort;

    TargetKind(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port a server of this kind usually listens on; 0 when the kind has no network address. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether a target of this kind is reached over the network (host, port, credentials). */
    public boolean isNetworked() {
        return this != DEMO_ORACLE;
    }

    /** The kind whose pack this kind runs: the demo Oracle answers the Oracle pack unchanged. */
    public TargetKind packKind() {
        return this == DEMO_ORACLE ? ORACLE : this;
    }
}
