package io.vigil.target.demo;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.OldOracleJoinBinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.SupportsOldOracleJoinSyntax;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

import io.vigil.i18n.Messages;

/**
 * Oracle SQL made to run on the demo's H2 as it runs on Oracle, where H2's Oracle mode answers differently:
 * <ul>
 * <li>division is never integer division ({@code 1/24} is a day's hour, not 0; {@code COUNT(*)/2} keeps its half);</li>
 * <li>{@code DATE - DATE} is a number of days, not an interval;</li>
 * <li>{@code TRUNC(date, 'fmt')} and {@code INSTR(s, t, pos, n)} reach the functions of {@link DemoFunctions};</li>
 * <li>the old outer-join operator {@code (+)} becomes {@code LEFT JOIN ... ON}, or the statement is refused with a
 * sentence that names the operator when its shape has no sound ANSI form.</li>
 * </ul>
 * Statements that need none of this reach H2 as written; those that do are parsed once (JSqlParser) and kept.
 */
final class DemoDialect {

    private static final Pattern MAYBE = Pattern.compile("[/-]|\\(\\s*\\+\\s*\\)|TRUNC|INSTR", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTER_JOIN = Pattern.compile("\\(\\s*\\+\\s*\\)");
    private static final int CACHED = 2_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** Oracle DATE columns and TIMESTAMP columns of the catalog, by name, where the name has that type in every view. */
    private static final Set<String> DATE_COLUMNS = new HashSet<>();
    private static final Set<String> TIMESTAMP_COLUMNS = new HashSet<>();
    /** Column name → the views that have it, to find the table of an unqualified column in a (+) condition. */
    private static final Map<String, Set<String>> VIEWS_OF_COLUMN = new HashMap<>();

    static {
        Map<String, Set<String>> types = new HashMap<>();
        for (var view : DemoSchema.views().entrySet()) {
            for (DemoSchema.Column col : view.getValue()) {
                String kind = col.type().startsWith("DATE") ? "D" : col.type().startsWith("TIMESTAMP") ? "T" : "O";
                types.computeIfAbsent(col.name(), k -> new HashSet<>()).add(kind);
                VIEWS_OF_COLUMN.computeIfAbsent(col.name(), k -> new HashSet<>()).add(view.getKey());
                if (view.getKey().startsWith("V$")) {
                    VIEWS_OF_COLUMN.get(col.name()).add("G" + view.getKey());
                }
            }
        }
        types.forEach((name, kinds) -> {
            if (kinds.equals(Set.of("D"))) {
                DATE_COLUMNS.add(name);
            } else if (kinds.equals(Set.of("T"))) {
                TIMESTAMP_COLUMNS.add(name);
            }
        });
    }

    private DemoDialect() {
    }

    /** The statement H2 should run for this Oracle statement; refuses a (+) join it cannot turn into ANSI form. */
    static String toH2(String sql) throws SQLException {
        if (sql == null || !MAYBE.matcher(sql).find()) {
            return sql;
        }
        String known = CACHE.get(sql);
        if (known != null) {
            return known;
        }
        String h2 = rewrite(sql);
        if (CACHE.size() >= CACHED) {
            CACHE.clear();
        }
        CACHE.put(sql, h2);
        return h2;
    }

    private static String rewrite(String sql) throws SQLException {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.newParser(sql).Statement();
        } catch (Exception | StackOverflowError e) {
            if (OUTER_JOIN.matcher(sql).find()) {
                throw refused("demo.sql.outerJoin.shape");
            }
            return sql; // H2 says what is wrong with it in its own words
        }
        if (!(statement instanceof Select select)) {
            return sql;
        }
        Rewriter r = new Rewriter();
        try {
            r.select(select);
        } catch (RuntimeException e) {
            return sql; // a shape the rewrite does not know: H2 runs it as written, as it did before
        }
        return r.changed ? select.toString() : sql;
    }

    /** The refusal of a statement the demo cannot run as Oracle would, in the user's language. */
    static SQLSyntaxErrorException refused(String reasonKey, Object... args) {
        Messages messages = new Messages(Messages.localeFor(""));
        return new SQLSyntaxErrorException(messages.get("demo.sql.outerJoin", messages.get(reasonKey, args)), "42000");
    }

    /** What an expression evaluates to, as far as the rewrite needs to know. */
    private enum Kind { DATE, TIMESTAMP, INTERVAL, OTHER }

    private static final class Refusal extends RuntimeException {
        final SQLSyntaxErrorException error;

        Refusal(SQLSyntaxErrorException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private static final class Rewriter {

        boolean changed;

        private final ExpressionVisitorAdapter<Void> expressions = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Division d, S context) {
                Kind left = kind(d.getLeftExpression());
                if (left == Kind.OTHER && !isDecfloat(d.getLeftExpression())) {
                    d.setLeftExpression(new CastExpression("CAST", d.getLeftExpression(), "DECFLOAT(38)"));
                    changed = true;
                }
                return super.visit(d, context);
            }

            @Override
            public <S> Void visit(Subtraction s, S context) {
                if (kind(s.getLeftExpression()) == Kind.DATE && kind(s.getRightExpression()) == Kind.DATE) {
                    s.setLeftExpression(days(s.getLeftExpression()));
                    s.setRightExpression(days(s.getRightExpression()));
                    changed = true;
                }
                return super.visit(s, context);
            }

            @Override
            public <S> Void visit(Function f, S context) {
                String name = f.getName() == null ? "" : f.getName().toUpperCase(Locale.ROOT);
                int args = f.getParameters() == null ? 0 : f.getParameters().size();
                if (name.equals("TRUNC") && args == 2 && kind((Expression) f.getParameters().get(0)) != Kind.OTHER) {
                    f.setName("ORA_TRUNC_DATE");
                    changed = true;
                } else if (name.equals("INSTR") && args == 4) {
                    f.setName("ORA_INSTR");
                    changed = true;
                }
                return super.visit(f, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect p, S context) {
                walk(p);
                return null;
            }

            @Override
            public <S> Void visit(Select s, S context) {
                walk(s);
                return null;
            }
        };

        void select(Select s) throws SQLException {
            try {
                walk(s);
            } catch (Refusal r) {
                throw r.error;
            }
        }

        private void walk(Select s) {
            if (s == null) {
                return;
            }
            if (s.getWithItemsList() != null) {
                for (WithItem<?> w : s.getWithItemsList()) {
                    walk(w.getSelect());
                }
            }
            if (s instanceof PlainSelect ps) {
                plain(ps);
            } else if (s instanceof SetOperationList set) {
                set.getSelects().forEach(this::walk);
            } else if (s instanceof ParenthesedSelect p) {
                walk(p.getSelect());
            }
            if (s.getOrderByElements() != null && !(s instanceof PlainSelect)) {
                s.getOrderByElements().forEach(o -> expression(o.getExpression()));
            }
        }

        private void plain(PlainSelect ps) {
            outerJoins(ps);
            from(ps.getFromItem());
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    from(j.getRightItem());
                    j.getOnExpressions().forEach(this::expression);
                }
            }
            for (SelectItem<?> item : ps.getSelectItems()) {
                expression(item.getExpression());
            }
            expression(ps.getWhere());
            expression(ps.getHaving());
            if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
                for (Object e : ps.getGroupBy().getGroupByExpressionList()) {
                    expression((Expression) e);
                }
            }
            if (ps.getOrderByElements() != null) {
                for (OrderByElement o : ps.getOrderByElements()) {
                    expression(o.getExpression());
                }
            }
        }

        private void from(FromItem item) {
            if (item instanceof ParenthesedSelect p) {
                walk(p);
            } else if (item instanceof ParenthesedFromItem p) {
                from(p.getFromItem());
                if (p.getJoins() != null) {
                    for (Join j : p.getJoins()) {
                        from(j.getRightItem());
                        j.getOnExpressions().forEach(this::expression);
                    }
                }
            }
        }

        private void expression(Expression e) {
            if (e != null) {
                e.accept(expressions, null);
            }
        }

        private Function days(Expression date) {
            Function f = new Function();
            f.setName("ORA_DATE_DAYS");
            f.setParameters(new ExpressionList<>(date));
            return f;
        }

        // ---- (+) to LEFT JOIN ----

        /** One FROM item of a statement with (+) joins: its index, the name columns use for it, and the item. */
        private record Item(int index, String name, FromItem item) {
        }

        private void outerJoins(PlainSelect ps) {
            if (ps.getWhere() == null || !hasOuterJoinMark(ps.getWhere())) {
                return;
            }
            List<Item> items = new ArrayList<>();
            items.add(item(0, ps.getFromItem()));
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    if (!j.isSimple()) {
                        throw new Refusal(refused("demo.sql.outerJoin.ansi"));
                    }
                    items.add(item(items.size(), j.getRightItem()));
                }
            }
            List<Expression> kept = new ArrayList<>();
            Map<Integer, List<Expression>> on = new LinkedHashMap<>();
            Map<Integer, Set<Integer>> after = new HashMap<>();
            for (Expression conjunct : conjuncts(ps.getWhere())) {
                if (!hasOuterJoinMark(conjunct)) {
                    kept.add(conjunct);
                    continue;
                }
                Expression bare = unwrap(conjunct);
                if (!(bare instanceof OldOracleJoinBinaryExpression cmp) || cmp.getOldOracleJoinSyntax() == SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN
                        || hasOuterJoinMark(cmp.getLeftExpression()) || hasOuterJoinMark(cmp.getRightExpression())) {
                    throw new Refusal(refused("demo.sql.outerJoin.shape"));
                }
                // JSqlParser names the join, not the mark: a LEFT join has (+) on the right-hand side
                boolean markRight = cmp.getOldOracleJoinSyntax() == SupportsOldOracleJoinSyntax.ORACLE_JOIN_LEFT;
                Set<Integer> optional = tables(markRight ? cmp.getRightExpression() : cmp.getLeftExpression(), items);
                Set<Integer> others = tables(markRight ? cmp.getLeftExpression() : cmp.getRightExpression(), items);
                if (optional.size() != 1) {
                    throw new Refusal(refused("demo.sql.outerJoin.shape"));
                }
                int table = optional.iterator().next();
                others.remove(table);
                cmp.setOldOracleJoinSyntax(SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN);
                on.computeIfAbsent(table, k -> new ArrayList<>()).add(bare);
                after.computeIfAbsent(table, k -> new HashSet<>()).addAll(others);
            }
            List<Item> placed = new ArrayList<>();
            for (Item i : items) {
                if (!on.containsKey(i.index())) {
                    placed.add(i);
                }
            }
            if (placed.isEmpty()) {
                throw new Refusal(refused("demo.sql.outerJoin.cycle"));
            }
            List<Join> joins = new ArrayList<>();
            for (int i = 1; i < placed.size(); i++) {
                Join cross = new Join();
                cross.setCross(true);
                cross.setRightItem(placed.get(i).item());
                joins.add(cross);
            }
            Set<Integer> done = new HashSet<>();
            placed.forEach(i -> done.add(i.index()));
            List<Item> waiting = new ArrayList<>(items.stream().filter(i -> on.containsKey(i.index())).toList());
            while (!waiting.isEmpty()) {
                Item next = waiting.stream().filter(i -> done.containsAll(after.get(i.index()))).findFirst()
                        .orElseThrow(() -> new Refusal(refused("demo.sql.outerJoin.cycle")));
                Join left = new Join();
                left.setLeft(true);
                left.setRightItem(next.item());
                left.setOnExpressions(List.of(and(on.get(next.index()))));
                joins.add(left);
                done.add(next.index());
                waiting.remove(next);
            }
            ps.setFromItem(placed.get(0).item());
            ps.setJoins(joins);
            ps.setWhere(kept.isEmpty() ? null : and(kept));
            changed = true;
        }

        private static Item item(int index, FromItem f) {
            String name;
            if (f.getAlias() != null) {
                name = f.getAlias().getName();
            } else if (f instanceof Table t) {
                name = t.getName();
            } else {
                name = "";
            }
            return new Item(index, unquote(name), f);
        }

        /** The FROM items an expression's columns belong to (columns of subqueries are theirs, not ours). */
        private static Set<Integer> tables(Expression e, List<Item> items) {
            Set<Integer> found = new HashSet<>();
            e.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column c, S context) {
                    found.add(owner(c, items));
                    return null;
                }

                @Override
                public <S> Void visit(ParenthesedSelect p, S context) {
                    return null;
                }

                @Override
                public <S> Void visit(Select s, S context) {
                    return null;
                }
            }, null);
            return found;
        }

        private static int owner(Column c, List<Item> items) {
            String column = unquote(c.getColumnName());
            if (c.getTable() != null && c.getTable().getName() != null) {
                String table = unquote(c.getTable().getName());
                for (Item i : items) {
                    if (i.name().equals(table)) {
                        return i.index();
                    }
                }
                throw new Refusal(refused("demo.sql.outerJoin.column", c.getFullyQualifiedName()));
            }
            Set<String> views = VIEWS_OF_COLUMN.getOrDefault(column, Set.of());
            Integer owner = null;
            for (Item i : items) {
                if (i.item() instanceof Table t && views.contains(unquote(t.getName()))) {
                    if (owner != null) {
                        throw new Refusal(refused("demo.sql.outerJoin.column", c.getColumnName()));
                    }
                    owner = i.index();
                }
            }
            if (owner == null) {
                throw new Refusal(refused("demo.sql.outerJoin.column", c.getColumnName()));
            }
            return owner;
        }

        private static boolean hasOuterJoinMark(Expression e) {
            boolean[] found = {false};
            e.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                protected <S> Void visitBinaryExpression(net.sf.jsqlparser.expression.BinaryExpression b, S context) {
                    if (b instanceof SupportsOldOracleJoinSyntax o && o.getOldOracleJoinSyntax() != SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN) {
                        found[0] = true;
                    }
                    return super.visitBinaryExpression(b, context);
                }

                @Override
                public <S> Void visit(ParenthesedSelect p, S context) {
                    return null;
                }

                @Override
                public <S> Void visit(Select s, S context) {
                    return null;
                }
            }, null);
            return found[0];
        }

        private static List<Expression> conjuncts(Expression e) {
            List<Expression> out = new ArrayList<>();
            Expression bare = unwrap(e);
            if (bare instanceof AndExpression and) {
                out.addAll(conjuncts(and.getLeftExpression()));
                out.addAll(conjuncts(and.getRightExpression()));
            } else {
                out.add(e);
            }
            return out;
        }

        private static Expression unwrap(Expression e) {
            Expression x = e;
            while (true) {
                if (x instanceof Parenthesis p) {
                    x = p.getExpression();
                } else if (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                    x = (Expression) list.get(0);
                } else {
                    return x;
                }
            }
        }

        private static Expression and(List<Expression> parts) {
            Expression out = parts.get(0);
            for (int i = 1; i < parts.size(); i++) {
                out = new AndExpression(out, parts.get(i));
            }
            return out;
        }
    }

    private static boolean isDecfloat(Expression e) {
        return e instanceof CastExpression c && c.getColDataType() != null && c.getColDataType().getDataType().toUpperCase(Locale.ROOT).startsWith("DECFLOAT");
    }

    private static String unquote(String name) {
        String n = name == null ? "" : name;
        if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")) {
            return n.substring(1, n.length() - 1);
        }
        return n.toUpperCase(Locale.ROOT);
    }

    /** The type of an expression where the rewrite depends on it: Oracle's DATE, a timestamp, an interval, or other. */
    private static Kind kind(Expression e) {
        Expression x = Rewriter.unwrap(e);
        if (x instanceof Column c) {
            String name = unquote(c.getColumnName());
            if (c.getTable() == null || c.getTable().getName() == null) {
                if (name.equals("SYSDATE") || name.equals("CURRENT_DATE")) {
                    return Kind.DATE;
                }
                if (name.equals("SYSTIMESTAMP") || name.equals("CURRENT_TIMESTAMP") || name.equals("LOCALTIMESTAMP")) {
                    return Kind.TIMESTAMP;
                }
            }
            return DATE_COLUMNS.contains(name) ? Kind.DATE : TIMESTAMP_COLUMNS.contains(name) ? Kind.TIMESTAMP : Kind.OTHER;
        }
        if (x instanceof TimeKeyExpression t) {
            String key = t.getStringValue().toUpperCase(Locale.ROOT);
            return key.equals("SYSDATE") || key.equals("CURRENT_DATE") ? Kind.DATE : Kind.TIMESTAMP;
        }
        if (x instanceof IntervalExpression) {
            return Kind.INTERVAL;
        }
        if (x instanceof CastExpression c && c.getColDataType() != null) {
            String type = c.getColDataType().getDataType().toUpperCase(Locale.ROOT);
            return type.startsWith("DATE") ? Kind.DATE : type.startsWith("TIMESTAMP") ? Kind.TIMESTAMP
                    : type.startsWith("INTERVAL") ? Kind.INTERVAL : Kind.OTHER;
        }
        if (x instanceof Function f) {
            String name = f.getName() == null ? "" : f.getName().toUpperCase(Locale.ROOT);
            List<?> params = f.getParameters() == null ? List.of() : f.getParameters();
            Kind first = params.isEmpty() ? Kind.OTHER : kind((Expression) params.get(0));
            return switch (name) {
                case "TO_DATE", "ADD_MONTHS", "LAST_DAY", "NEXT_DAY", "ORA_TRUNC_DATE", "SYSDATE" -> Kind.DATE;
                case "TO_TIMESTAMP", "SYSTIMESTAMP", "CAST_TO_TIMESTAMP" -> Kind.TIMESTAMP;
                case "NUMTODSINTERVAL", "NUMTOYMINTERVAL", "TO_DSINTERVAL", "TO_YMINTERVAL" -> Kind.INTERVAL;
                case "TRUNC", "ROUND" -> first == Kind.OTHER ? Kind.OTHER : Kind.DATE;
                case "NVL", "COALESCE", "GREATEST", "LEAST", "MAX", "MIN" -> first;
                default -> Kind.OTHER;
            };
        }
        if (x instanceof CaseExpression c && c.getWhenClauses() != null && !c.getWhenClauses().isEmpty()) {
            WhenClause w = c.getWhenClauses().get(0);
            return kind(w.getThenExpression());
        }
        if (x instanceof Addition a) {
            Kind l = kind(a.getLeftExpression());
            Kind r = kind(a.getRightExpression());
            if (l == Kind.DATE || r == Kind.DATE) {
                return Kind.DATE;
            }
            if (l == Kind.TIMESTAMP || r == Kind.TIMESTAMP) {
                return l == Kind.INTERVAL || r == Kind.INTERVAL ? Kind.TIMESTAMP : Kind.DATE;
            }
            return l == Kind.INTERVAL && r == Kind.INTERVAL ? Kind.INTERVAL : Kind.OTHER;
        }
        if (x instanceof Subtraction s) {
            Kind l = kind(s.getLeftExpression());
            Kind r = kind(s.getRightExpression());
            if (l == Kind.DATE) {
                return r == Kind.DATE ? Kind.OTHER : r == Kind.TIMESTAMP ? Kind.INTERVAL : Kind.DATE;
            }
            if (l == Kind.TIMESTAMP) {
                return r == Kind.DATE || r == Kind.TIMESTAMP ? Kind.INTERVAL : r == Kind.INTERVAL ? Kind.TIMESTAMP : Kind.DATE;
            }
            return l == Kind.INTERVAL ? Kind.INTERVAL : Kind.OTHER;
        }
        return Kind.OTHER;
    }
}
