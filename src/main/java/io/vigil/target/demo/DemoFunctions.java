package io.vigil.target.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Oracle functions the pack calls that H2 lacks, installed in the demo as Java functions. Public only because H2 calls
 * them by reflection.
 */
public final class DemoFunctions {

    /** The demo lists no session of its readers in V$SESSION: the SID it gives a reader matches none of them. */
    static final String READER_SID = "0";

    private DemoFunctions() {
    }

    /** Makes the functions callable by their Oracle names. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS IF NOT EXISTS SYS_CONTEXT FOR '" + DemoFunctions.class.getName() + ".sysContext'");
        }
    }

    /** {@code SYS_CONTEXT('USERENV', parameter)}: the reader's SID, its user and the instance; null for anything else, as Oracle. */
    public static String sysContext(String namespace, String parameter) {
        if (namespace == null || parameter == null || !"USERENV".equals(namespace.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return switch (parameter.toUpperCase(Locale.ROOT)) {
            case "SID" -> READER_SID;
            case "SESSION_USER", "CURRENT_USER", "CURRENT_SCHEMA" -> "VIGIL";
            case "INSTANCE_NAME", "DB_NAME" -> "DEMO";
            default -> null;
        };
    }
}
