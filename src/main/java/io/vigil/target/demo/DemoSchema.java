package io.vigil.target.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary views of the demo Oracle: every view and column of {@code oracle-19c-views.tsv} (the 19c Reference),
 * created as tables with Oracle's names and types in an H2 database in Oracle mode, so the Oracle pack's SQL runs on
 * it unchanged.
 */
public final class DemoSchema {

    /** One column as the 19c Reference lists it. */
    public record Column(String name, String type, boolean newerThan11g) {
    }

    private static final String RESOURCE = "/io/vigil/target/demo/oracle-19c-views.tsv";

    private DemoSchema() {
    }

    /** View name → its columns in Reference order. */
    public static Map<String, List<Column>> views() {
        Map<String, List<Column>> views = new LinkedHashMap<>();
        try (InputStream in = DemoSchema.class.getResourceAsStream(RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                views.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Column(f[1], f[2], f.length > 3 && f[3].equals("new")));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the demo Oracle's view list " + RESOURCE + " is missing from the build", e);
        }
        return views;
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, List<Column>> view : views().entrySet()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(view.getKey()).append(" (");
                for (int i = 0; i < view.getValue().size(); i++) {
                    Column col = view.getValue().get(i);
                    ddl.append(i == 0 ? "" : ", ").append('"').append(col.name()).append("\" ").append(col.type());
                }
                s.execute(ddl.append(')').toString());
            }
        }
        globalViews(c);
    }

    /**
     * A GV$ view beside every V$ view, as on a single instance: INST_ID 1 first, then every V$ column (CON_ID
     * included), so SQL written for RAC runs here as it runs on a one-instance database.
     */
    static void globalViews(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String view : views().keySet()) {
                if (view.startsWith("V$")) {
                    s.execute("CREATE VIEW G" + view + " AS SELECT CAST(1 AS NUMBER) AS INST_ID, v.* FROM " + view + " v");
                }
            }
        }
    }
}
