package io.vigil.config;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Turns driver exceptions into sentences a DBA can act on; the driver's exception stays as the cause. */
final class SqlErrors {

    private static final int MYSQL_DB_ACCESS_DENIED = 1044;
    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;
    private static final int H2_DATABASE_IN_USE = 90020;

    private SqlErrors() {
    }

    static ConfigStoreException translate(String action, String location, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e.getErrorCode() == MYSQL_ACCESS_DENIED || state.equals("28000") || state.equals("28P01")) {
            return new ConfigStoreException("The config store " + location + " refused the login: "
                    + firstLine(e) + ". Check the user name and password.", e);
        }
        if (e.getErrorCode() == MYSQL_UNKNOWN_DATABASE || state.equals("42000") && firstLine(e).startsWith("Unknown database")) {
            return new ConfigStoreException("The config store " + location + " does not exist: " + firstLine(e)
                    + ". Create it (CREATE DATABASE vigil CHARACTER SET utf8mb4) or correct the URL.", e);
        }
        if (e.getErrorCode() == MYSQL_DB_ACCESS_DENIED) {
            return new ConfigStoreException("The config store " + location + " let the user log in but not use the database: "
                    + firstLine(e) + ". Check that the database exists and that the user may use it "
                    + "(GRANT ALL ON vigil.* TO the user).", e);
        }
        if (state.startsWith("08")) {
            return new ConfigStoreException("Cannot reach the config store " + location + ": " + rootMessage(e)
                    + ". Check the host, the port and that the server is running.", e);
        }
        if (e.getErrorCode() == H2_DATABASE_IN_USE) {
            return new ConfigStoreException("The embedded config store " + location + " is locked by another program. "
                    + "Close the other Vigil or collector using it, then try again.", e);
        }
        if (e instanceof SQLIntegrityConstraintViolationException || state.startsWith("23")) {
            return new ConfigStoreException("Saving was refused by the config store " + location
                    + " because another value with the same name was saved at the same moment. Reload and try again.", e);
        }
        return new ConfigStoreException("The config store " + location + " failed while " + action + ": " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** The innermost cause's message: "Connection refused" says more than "Communications link failure". */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? firstLine(e) : firstLine(e) + " (" + firstLine(t) + ")";
    }
}
