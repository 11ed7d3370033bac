package io.vigil.target.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Oracle's built-in functions that H2 lacks, as H2 functions of the demo instance: SYS_CONTEXT('USERENV', ...), the
 * byte-length string functions, TO_NUMBER, MONTHS_BETWEEN, NUMTODSINTERVAL/NUMTOYMINTERVAL, and the functions
 * {@link DemoDialect} rewrites DATE arithmetic, TRUNC of a DATE and INSTR with an occurrence into. The database is
 * AL32UTF8, so a byte is a UTF-8 byte.
 */
public final class DemoFunctions {

    private DemoFunctions() {
    }

    static void create(Connection c) throws SQLException {
        String[][] aliases = {
            {"SYS_CONTEXT", "sysContext"}, {"USERENV", "userenv"}, {"SUBSTRB", "substrb"}, {"LENGTHB", "lengthb"},
            {"INSTRB", "instrb"}, {"ORA_INSTR", "instr"}, {"TO_NUMBER", "toNumber"}, {"MONTHS_BETWEEN", "monthsBetween"},
            {"ORA_DATE_DAYS", "dateDays"}, {"ORA_TRUNC_DATE", "truncDate"}, {"NUMTODSINTERVAL", "numToDsInterval"},
            {"NUMTOYMINTERVAL", "numToYmInterval"}};
        try (Statement s = c.createStatement()) {
            for (String[] a : aliases) {
                // DETERMINISTIC: a call with constant arguments is worked out once per statement, as Oracle does for
                // SYS_CONTEXT within a statement; a session's context queried again for every row would also restart H2's
                // statement clock, so SYSTIMESTAMP would differ between the rows of one sample
                s.execute("CREATE ALIAS " + a[0] + " DETERMINISTIC FOR '" + DemoFunctions.class.getName() + "." + a[1] + "'");
            }
        }
    }

    /** SYS_CONTEXT('USERENV', parameter): the answers a monitoring session gets from a 19c instance. */
    public static String sysContext(Connection c, String namespace, String parameter) throws SQLException {
        if (namespace == null || parameter == null) {
            return null;
        }
        if (!namespace.strip().equalsIgnoreCase("USERENV")) {
            return null; // an application context nobody set
        }
        return switch (parameter.strip().toUpperCase(Locale.ROOT)) {
            case "DB_NAME", "CDB_NAME" -> one(c, "SELECT NAME FROM V$DATABASE");
            case "DB_UNIQUE_NAME" -> one(c, "SELECT DB_UNIQUE_NAME FROM V$DATABASE");
            case "SERVICE_NAME" -> one(c, "SELECT LOWER(DB_UNIQUE_NAME) FROM V$DATABASE");
            case "DATABASE_ROLE" -> one(c, "SELECT DATABASE_ROLE FROM V$DATABASE");
            case "INSTANCE_NAME" -> one(c, "SELECT INSTANCE_NAME FROM V$INSTANCE");
            case "INSTANCE" -> one(c, "SELECT INSTANCE_NUMBER FROM V$INSTANCE");
            case "SERVER_HOST" -> one(c, "SELECT HOST_NAME FROM V$INSTANCE");
            case "CON_ID" -> cdb(c) ? "1" : "0";
            case "CON_NAME" -> cdb(c) ? "CDB$ROOT" : one(c, "SELECT NAME FROM V$DATABASE");
            case "SESSION_USER", "CURRENT_USER", "CURRENT_SCHEMA", "PROXY_USER", "AUTHENTICATED_IDENTITY" -> one(c, "SELECT USER");
            case "SID", "SESSIONID", "AUDSID" -> one(c, "SELECT SESSION_ID()");
            case "ISDBA" -> "FALSE";
            case "LANGUAGE" -> "AMERICAN_AMERICA.AL32UTF8";
            case "LANG" -> "US";
            case "NLS_TERRITORY" -> "AMERICA";
            case "NLS_DATE_FORMAT" -> "DD-MON-RR";
            case "AUTHENTICATION_METHOD" -> "PASSWORD";
            case "IP_ADDRESS" -> "127.0.0.1";
            case "NETWORK_PROTOCOL" -> "tcp";
            case "OS_USER" -> System.getProperty("user.name");
            case "TERMINAL" -> "unknown";
            case "PLATFORM_SLASH" -> "/";
            case "DB_DOMAIN", "MODULE", "ACTION", "CLIENT_IDENTIFIER", "CLIENT_INFO", "HOST" -> null;
            default -> throw new SQLException("ORA-02003: invalid USERENV parameter", "HY000", 2003);
        };
    }

    /** USERENV(parameter), the older form. */
    public static String userenv(Connection c, String parameter) throws SQLException {
        return switch (parameter == null ? "" : parameter.strip().toUpperCase(Locale.ROOT)) {
            case "SESSIONID" -> one(c, "SELECT SESSION_ID()");
            case "INSTANCE" -> "1";
            case "LANGUAGE" -> "AMERICAN_AMERICA.AL32UTF8";
            case "ISDBA" -> "FALSE";
            case "TERMINAL" -> "unknown";
            default -> throw new SQLException("ORA-02003: invalid USERENV parameter", "HY000", 2003);
        };
    }

    private static boolean cdb(Connection c) throws SQLException {
        return "YES".equals(one(c, "SELECT CDB FROM V$DATABASE"));
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** LENGTHB: the length in bytes. */
    public static Integer lengthb(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String substrb(String s, Integer position) {
        return substrb(s, position, Integer.MAX_VALUE);
    }

    /** SUBSTRB: bytes from a byte position (1-based, negative from the end); a character cut in two is left out. */
    public static String substrb(String s, Integer position, Integer length) {
        if (s == null || position == null || length == null || length < 1) {
            return null;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int from = position > 0 ? position - 1 : position == 0 ? 0 : bytes.length + position;
        if (from < 0 || from >= bytes.length) {
            return null;
        }
        int to = (int) Math.min(bytes.length, (long) from + length);
        while (from < to && (bytes[from] & 0xC0) == 0x80) {
            from++; // the tail of a character that starts before the position
        }
        int end = to;
        if (end < bytes.length) {
            while (end > from && (bytes[end] & 0xC0) == 0x80) {
                end--; // a character whose last bytes lie past the length
            }
        }
        String out = new String(bytes, from, end - from, StandardCharsets.UTF_8);
        return out.isEmpty() ? null : out;
    }

    public static Integer instrb(String s, String sub) {
        return instrb(s, sub, 1, 1);
    }

    public static Integer instrb(String s, String sub, Integer position) {
        return instrb(s, sub, position, 1);
    }

    /** INSTRB: the byte position of the n-th occurrence. */
    public static Integer instrb(String s, String sub, Integer position, Integer occurrence) {
        Integer at = instr(s, sub, position, occurrence);
        if (at == null || at == 0) {
            return at;
        }
        return s.substring(0, at - 1).getBytes(StandardCharsets.UTF_8).length + 1;
    }

    /** INSTR with a start position (negative: searching backwards from the end) and an occurrence. */
    public static Integer instr(String s, String sub, Integer position, Integer occurrence) {
        if (s == null || sub == null || position == null || occurrence == null) {
            return null;
        }
        if (position == 0 || occurrence < 1) {
            return 0;
        }
        int found = -1;
        if (position > 0) {
            int from = position - 1;
            for (int n = 0; n < occurrence; n++) {
                found = s.indexOf(sub, from);
                if (found < 0) {
                    return 0;
                }
                from = found + 1;
            }
        } else {
            int from = s.length() + position;
            for (int n = 0; n < occurrence; n++) {
                found = from < 0 ? -1 : s.lastIndexOf(sub, from);
                if (found < 0) {
                    return 0;
                }
                from = found - 1;
            }
        }
        return found + 1;
    }

    /** TO_NUMBER of a text (group separators and blanks allowed around it). */
    public static BigDecimal toNumber(String s) throws SQLException {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new SQLException("ORA-01722: invalid number", "22018", 1722);
        }
    }

    public static BigDecimal toNumber(String s, String format) throws SQLException {
        return s == null ? null : toNumber(s.replace(",", "").replace("$", ""));
    }

    /**
     * MONTHS_BETWEEN as Oracle counts: whole months when both days are the same day of the month or both the last day,
     * otherwise the difference in days (time included) over 31.
     */
    public static BigDecimal monthsBetween(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return null;
        }
        long months = (a.getYear() - b.getYear()) * 12L + a.getMonthValue() - b.getMonthValue();
        boolean lastA = a.getDayOfMonth() == a.toLocalDate().lengthOfMonth();
        boolean lastB = b.getDayOfMonth() == b.toLocalDate().lengthOfMonth();
        if (a.getDayOfMonth() == b.getDayOfMonth() || lastA && lastB) {
            return BigDecimal.valueOf(months);
        }
        double seconds = (a.getDayOfMonth() - b.getDayOfMonth()) * 86_400.0
                + (a.toLocalTime().toSecondOfDay() - b.toLocalTime().toSecondOfDay());
        return BigDecimal.valueOf(months).add(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(31 * 86_400L), MathContext.DECIMAL64));
    }

    /** A DATE as a number of days, so that DATE - DATE gives days as on Oracle (see {@link DemoDialect}). */
    public static BigDecimal dateDays(LocalDateTime d) {
        if (d == null) {
            return null;
        }
        long seconds = d.toEpochSecond(ZoneOffset.UTC);
        BigDecimal s = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(d.getNano(), 9));
        return s.divide(BigDecimal.valueOf(86_400), MathContext.DECIMAL128);
    }

    /** NUMTODSINTERVAL(n, 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND'): an INTERVAL DAY TO SECOND. */
    public static Duration numToDsInterval(BigDecimal n, String unit) throws SQLException {
        if (n == null || unit == null) {
            return null;
        }
        long seconds = switch (unit.strip().toUpperCase(Locale.ROOT)) {
            case "DAY" -> 86_400;
            case "HOUR" -> 3_600;
            case "MINUTE" -> 60;
            case "SECOND" -> 1;
            default -> throw new SQLException("ORA-01760: illegal argument for function", "22023", 1760);
        };
        BigDecimal nanos = n.multiply(BigDecimal.valueOf(seconds * 1_000_000_000L));
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** NUMTOYMINTERVAL(n, 'YEAR' | 'MONTH'): an INTERVAL YEAR TO MONTH (whole months, as Oracle rounds them). */
    public static Period numToYmInterval(BigDecimal n, String unit) throws SQLException {
        if (n == null || unit == null) {
            return null;
        }
        BigDecimal months = switch (unit.strip().toUpperCase(Locale.ROOT)) {
            case "YEAR" -> n.multiply(BigDecimal.valueOf(12));
            case "MONTH" -> n;
            default -> throw new SQLException("ORA-01760: illegal argument for function", "22023", 1760);
        };
        return Period.ofMonths(months.setScale(0, RoundingMode.HALF_UP).intValueExact()).normalized();
    }

    /** TRUNC(date, format) for Oracle's formats: year, quarter, month, week, day, hour and minute. */
    public static LocalDateTime truncDate(LocalDateTime d, String format) throws SQLException {
        if (d == null || format == null) {
            return null;
        }
        LocalDateTime day = d.truncatedTo(ChronoUnit.DAYS);
        return switch (format.strip().toUpperCase(Locale.ROOT)) {
            case "SYYYY", "YYYY", "YEAR", "SYEAR", "YYY", "YY", "Y" -> day.withDayOfYear(1);
            case "IYYY", "IYY", "IY", "I" -> day.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(DayOfWeek.MONDAY);
            case "Q" -> day.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
            case "MONTH", "MON", "MM", "RM" -> day.withDayOfMonth(1);
            case "WW" -> day.minusDays((d.getDayOfYear() - 1) % 7);
            case "IW" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "W" -> day.minusDays((d.getDayOfMonth() - 1) % 7);
            case "DDD", "DD", "J" -> day;
            case "DAY", "DY", "D" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)); // AMERICA starts weeks on Sunday
            case "HH", "HH12", "HH24" -> d.truncatedTo(ChronoUnit.HOURS);
            case "MI" -> d.truncatedTo(ChronoUnit.MINUTES);
            default -> throw new SQLException("ORA-01899: bad precision specifier", "22023", 1899);
        };
    }
}
