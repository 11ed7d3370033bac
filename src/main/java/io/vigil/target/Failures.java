package io.vigil.target;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Set;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.net.ssl.SSLException;

import io.vigil.config.ConnectBy;
import io.vigil.config.PoolWait;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.tls.TlsDiagnosis;
import io.vigil.tls.TlsRefused;

/** Classifies driver exceptions from Oracle, MySQL/MariaDB, PostgreSQL and H2 into {@link FailureKind}s with a sentence. */
public final class Failures {

    private static final Set<Integer> ORA_LOGIN = Set.of(1017, 28000, 28001, 1005, 1045, 28009);
    private static final Set<Integer> ORA_UNREACHABLE = Set.of(12541, 17868, 12543, 12545, 17002, 12537);
    private static final Set<Integer> ORA_TIMEOUT = Set.of(12170, 12535, 17067);
    private static final Set<Integer> ORA_UNKNOWN_DB = Set.of(12514, 12505, 12154, 12162);
    private static final Set<Integer> ORA_PRIVILEGE = Set.of(1031, 942);
    private static final Set<Integer> MYSQL_LOGIN = Set.of(1045, 1044, 1862, 3118);
    private static final Set<Integer> MYSQL_PRIVILEGE = Set.of(1142, 1143, 1227);
    private static final Set<Integer> MYSQL_BAD_SQL = Set.of(1064, 1146, 1054);

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** What was being done when a target failed: connecting to it. */
    public static Reason connecting() {
        return Reason.of("failure.action.connect");
    }

    /** What was being done when a target failed: reading a mirror's views. */
    public static Reason reading(String mirror) {
        return Reason.of("failure.action.read", mirror);
    }

    /** What was being done when a server failed: reaching the cache database. */
    public static Reason reachingTheCache() {
        return Reason.of("failure.action.cache");
    }

    /**
     * The failure of {@code action} ({@link #connecting()}, {@link #reading(String)}) on the target at {@code address}:
     * the address, the action, the advice for its {@link FailureKind}, and the server's own error text; for a refused
     * connection, an unknown host or a time-out the driver spoke, not the server, so its sentence goes to the DEBUG log
     * and what the type tells is said instead.
     */
    public static TargetFailure classify(Reason action, String address, SQLException e) {
        return classify(action, address, e, null);
    }

    /**
     * As {@link #classify(Reason, String, SQLException)}, for an error that may be {@code pool}'s time-out: when the
     * pool gave up waiting because connecting failed, that failure is classified (it is the real reason); when it gave
     * up with nothing behind it, the failure says how long it waited and for how many connections in words, never in
     * the pool's.
     */
    public static TargetFailure classify(Reason action, String address, SQLException thrown, javax.sql.DataSource pool) {
        SQLException e = PoolWait.real(thrown);
        if (PoolWait.is(e)) {
            Reason reason = PoolWait.Limits.of(pool)
                    .map(l -> Reason.of("failure.message.poolWait", address, action, l.seconds(), l.size()))
                    .orElseGet(() -> Reason.of("failure.message.poolWait.unsized", address, action));
            return new TargetFailure(FailureKind.TIMEOUT, reason, ENGLISH.render(reason), thrown);
        }
        FailureKind kind = kind(e);
        Object detail = detail(kind, e);
        if (detail instanceof Reason) {
            LOG.debug("{} at {} failed ({}); the driver says: {}", ENGLISH.render(action), address, kind, firstLine(e));
        }
        Reason reason = kind == FailureKind.OTHER ? Reason.of("failure.message.plain", address, action, detail)
                : Reason.of("failure.message", address, action, advice(kind), detail);
        return new TargetFailure(kind, reason, ENGLISH.render(reason), thrown);
    }

    /** A TLS connection that could not be set up (a CA file that cannot be read), worded with its reason. */
    public static TargetFailure tls(Reason action, String address, TlsRefused e) {
        Reason reason = Reason.of("failure.message.tls", address, action, e.reason());
        return new TargetFailure(FailureKind.TLS_REFUSED, reason, ENGLISH.render(reason), e);
    }

    /**
     * A failure of a target that asks for TLS, looked at again: when the connection may have failed in its TLS
     * handshake, the server is asked what it presents ({@link TlsDiagnosis}) and a refusal is worded as such ("the
     * server's certificate is not signed by the CA file …", "the certificate is for host X, not Y", "no TLS there").
     * Anything else, or a server that cannot be asked, keeps {@code plain}. Blocks for up to the connect timeout.
     */
    public static TargetFailure withTls(Target t, Reason action, String address, TargetFailure plain) {
        if (!t.tls().on() || !t.kind().isNetworked()) {
            return plain;
        }
        boolean tlsCause = hasCause(plain, SSLException.class) || hasCause(plain, java.security.cert.CertificateException.class);
        if (!tlsCause && plain.kind() != FailureKind.UNREACHABLE && plain.kind() != FailureKind.OTHER) {
            return plain; // a login, database or privilege problem: TLS worked
        }
        Optional<Reason> found = Optional.empty();
        if (!(t.kind() == TargetKind.ORACLE && t.connectBy() == ConnectBy.TNS_ALIAS)) {
            TlsDiagnosis.Protocol protocol = switch (t.kind()) {
                case MYSQL -> TlsDiagnosis.Protocol.MYSQL;
                case POSTGRES -> TlsDiagnosis.Protocol.POSTGRES;
                default -> TlsDiagnosis.Protocol.DIRECT;
            };
            Path ca = t.tls().hasCaFile() ? Path.of(t.tls().caFile()) : null;
            boolean wallet = ca != null && Files.isDirectory(ca);
            // Oracle's thin driver checks the chain even under REQUIRE
            boolean verify = !wallet && (t.tls().mode().verifies() || t.kind() == TargetKind.ORACLE);
            boolean host = t.tls().mode() == io.vigil.config.TlsMode.VERIFY_FULL;
            found = TlsDiagnosis.diagnose(protocol, t.host(), t.port(), wallet ? null : ca, verify, host, TargetUrls.CONNECT_TIMEOUT);
        }
        if (found.isEmpty() && tlsCause) {
            found = Optional.of(Reason.of("tls.handshake"));
        }
        if (found.isEmpty()) {
            return plain;
        }
        Reason reason = Reason.of("failure.message.tls", address, action, found.get());
        return new TargetFailure(FailureKind.TLS_REFUSED, reason, ENGLISH.render(reason), plain.getCause());
    }

    /** What a DBA does about a failure of this kind. */
    public static Reason advice(FailureKind kind) {
        return kind == FailureKind.OTHER ? Reason.NONE : Reason.of("failure.advice." + kind.name());
    }

    static FailureKind kind(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String message = String.valueOf(e.getMessage());
        boolean oracle = message.startsWith("ORA-") || message.contains("ORA-");
        if (e instanceof SQLTimeoutException || hasCause(e, SocketTimeoutException.class)) {
            return FailureKind.TIMEOUT;
        }
        if (oracle) {
            int ora = oraCode(message, code);
            if (ORA_LOGIN.contains(ora)) {
                return FailureKind.LOGIN_REFUSED;
            }
            if (ORA_TIMEOUT.contains(ora)) {
                return FailureKind.TIMEOUT;
            }
            if (ORA_UNREACHABLE.contains(ora)) {
                return FailureKind.UNREACHABLE;
            }
            if (ORA_UNKNOWN_DB.contains(ora)) {
                return FailureKind.UNKNOWN_DATABASE;
            }
            if (ORA_PRIVILEGE.contains(ora)) {
                return FailureKind.MISSING_PRIVILEGE; // on V$ views, ORA-00942 almost always means a missing grant
            }
            if (ora == 900 || ora == 904 || ora == 933 || ora == 923) {
                return FailureKind.BAD_SQL;
            }
        }
        if (state.equals("28000") || state.equals("28P01") || MYSQL_LOGIN.contains(code) && state.startsWith("28")) {
            return FailureKind.LOGIN_REFUSED;
        }
        if (code == 1045) {
            return FailureKind.LOGIN_REFUSED;
        }
        if (state.equals("3D000") || code == 1049) {
            return FailureKind.UNKNOWN_DATABASE;
        }
        if (state.equals("42501") || MYSQL_PRIVILEGE.contains(code) || code == 1044) {
            return FailureKind.MISSING_PRIVILEGE;
        }
        if (state.startsWith("08") || hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
            return FailureKind.UNREACHABLE;
        }
        if (state.startsWith("42") || MYSQL_BAD_SQL.contains(code)) {
            return FailureKind.BAD_SQL;
        }
        return FailureKind.OTHER;
    }

    private static int oraCode(String message, int code) {
        int at = message.indexOf("ORA-");
        if (at >= 0 && message.length() >= at + 9) {
            try {
                return Integer.parseInt(message.substring(at + 4, at + 9));
            } catch (NumberFormatException ignored) {
                // fall through to the vendor code
            }
        }
        return code;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * What follows the advice: the server's own words when the server spoke (an ORA- error, a MySQL error with the
     * server's code, a PostgreSQL error the server sent), since DBAs search for those; for a connection that was refused,
     * a host that is not known or a time-out, what the exception's type says, as the driver's sentence adds nothing.
     */
    static Object detail(FailureKind kind, SQLException e) {
        if (kind != FailureKind.UNREACHABLE && kind != FailureKind.TIMEOUT || serverSpoke(e)) {
            return firstLine(e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return Reason.of("configStore.why.unknownHost");
        }
        if (kind == FailureKind.TIMEOUT) {
            return Reason.of("configStore.why.timeout");
        }
        if (hasCause(e, ConnectException.class)) {
            return Reason.of("configStore.why.refused");
        }
        return Reason.of("configStore.why.lost");
    }

    /** Whether the error's text is the server's: an ORA- code, a MySQL server error code, a PostgreSQL server message. */
    private static boolean serverSpoke(SQLException e) {
        if (String.valueOf(e.getMessage()).contains("ORA-")) {
            return true;
        }
        if (e instanceof org.postgresql.util.PSQLException pg) {
            return pg.getServerErrorMessage() != null;
        }
        if (e instanceof org.h2.jdbc.JdbcException) {
            return false;
        }
        int code = e.getErrorCode();
        // MySQL's and MariaDB's server errors are numbered 1000-1999 and 3000-9999; 2000-2999 are the client's own
        return code >= 1000 && code < 2000 || code >= 3000 && code < 10_000;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
