package io.vigil.target.demo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The JDBC driver readers of a demo Oracle connect through ({@code jdbc:vigil:demo:h2:mem:...}): an H2 connection whose
 * every statement text passes {@link DemoDialect} first, so Oracle SQL from the pack, the metric forms or a DBA's own
 * scripts runs as Oracle would run it. The demo's own workload writes to H2 directly.
 */
public final class DemoDriver implements Driver {

    static final String PREFIX = "jdbc:vigil:demo:";
    private static final Set<String> STATEMENT_SQL = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> CONNECTION_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL");

    static {
        try {
            DriverManager.registerDriver(new DemoDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Registers the driver (done once, when the class loads). */
    static void register() {
        // the static initialiser does the work
    }

    /** The URL readers use for the H2 database at {@code h2Url}. */
    static String url(String h2Url) {
        return PREFIX + h2Url.substring("jdbc:".length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection h2 = org.h2.Driver.load().connect("jdbc:" + url.substring(PREFIX.length()), info);
        return wrap(h2);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 19;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    static Connection wrap(Connection h2) {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(DemoDriver.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (CONNECTION_SQL.contains(m.getName()) && args != null && args[0] instanceof String sql) {
                args[0] = DemoDialect.toH2(sql);
            }
            Object result = delegate(h2, proxy, m, args);
            return result instanceof Statement s ? statement(s, self[0]) : result;
        });
        return self[0];
    }

    private static Statement statement(Statement h2, Connection connection) {
        Class<?> type = h2 instanceof CallableStatement ? CallableStatement.class
                : h2 instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, m, args) -> {
            if (STATEMENT_SQL.contains(m.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                args[0] = DemoDialect.toH2(sql);
            }
            if (m.getName().equals("getConnection") && m.getParameterCount() == 0) {
                return connection;
            }
            return delegate(h2, proxy, m, args);
        };
        return (Statement) Proxy.newProxyInstance(DemoDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object delegate(Object target, Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
