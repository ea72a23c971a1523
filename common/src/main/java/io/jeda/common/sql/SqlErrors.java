package io.jeda.common.sql;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a unique or primary key violation in a failure from the database, whichever driver and
 * database reported it (MySQL and MariaDB: error 1062 or 1586 with SQLState 23000; H2 and
 * PostgreSQL: SQLState 23505), anywhere in the chain of causes. Other integrity violations of
 * SQLState class 23 (a foreign key, a NOT NULL column) are not duplicates and are not reported as
 * such. For persistence code, which translates the violation into an outcome.
 */
public final class SqlErrors {

    private static final int MYSQL_DUP_ENTRY = 1062;
    private static final int MYSQL_DUP_ENTRY_WITH_KEY_NAME = 1586;
    private static final String UNIQUE_VIOLATION = "23505";
    /** MySQL/MariaDB: "Duplicate entry 'x' for key 'table.uk_name'"; H2: "... on PUBLIC.UK_NAME_INDEX_1 ...". */
    private static final Pattern MYSQL_KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");
    private static final Pattern H2_KEY = Pattern.compile("(?:\"[A-Z0-9_]+\"\\.)?\"?([A-Za-z0-9_]+?)(?:_INDEX_[0-9A-F]+)?\"?\\s+ON\\s", Pattern.CASE_INSENSITIVE);

    private SqlErrors() {
    }

    /** Whether the failure, or one of its causes, is a unique-key violation. */
    public static boolean isDuplicateKey(Throwable failure) {
        return duplicate(failure).isPresent();
    }

    /**
     * The name of the unique key (constraint or index) that was violated, as the database reports
     * it, when the failure is a duplicate and the message names the key; lower case.
     */
    public static Optional<String> duplicateKeyName(Throwable failure) {
        return duplicate(failure).flatMap(e -> {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            Matcher m = MYSQL_KEY.matcher(msg);
            if (m.find()) {
                return Optional.of(m.group(1).toLowerCase());
            }
            m = H2_KEY.matcher(msg);
            return m.find() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
        });
    }

    /** Whether the duplicate was on the key of that name (compared without case). */
    public static boolean isDuplicateKey(Throwable failure, String keyName) {
        return duplicateKeyName(failure).map(k -> k.equalsIgnoreCase(keyName)).orElse(false);
    }

    /**
     * Whether the failure, or one of its causes, says the database could not be reached or used at
     * all, rather than that a statement was wrong: a connection failure (SQLState class 08, the
     * driver's connection or recoverable exceptions), a pool that handed out no connection in time
     * ({@link java.sql.SQLTransientConnectionException}), or MySQL/MariaDB shutting down, read-only
     * or out of connections, or a connection the pool closed under the caller after such a failure.
     * Such a failure is transient: callers should retry.
     */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (CONNECTION_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() == null && POOL_CLOSED.equals(e.getMessage())) {
                return true;
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException e) {
                String state = e.getSQLState();
                if (state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
                    return true;
                }
                if (UNAVAILABLE_CODES.contains(e.getErrorCode())) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The reason a failure to reach the database is reported with, on gRPC and REST alike. */
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    /** What a caller is told to wait before retrying after {@link #DATABASE_UNAVAILABLE}. */
    public static final long RETRY_AFTER_MS = 1000;

    /**
     * The failure as an UNAVAILABLE {@link io.jeda.common.error.JedaException} with the reason
     * {@link #DATABASE_UNAVAILABLE}, when {@link #isUnavailable} says the database could not be
     * reached; empty for any other failure.
     */
    public static Optional<io.jeda.common.error.JedaException> unavailable(Throwable failure) {
        if (!isUnavailable(failure)) {
            return Optional.empty();
        }
        return Optional.of(io.jeda.common.error.JedaException.of(io.jeda.common.error.ErrorKind.UNAVAILABLE,
                DATABASE_UNAVAILABLE, "the database cannot be reached at the moment; retry later",
                "retryAfterMs", String.valueOf(RETRY_AFTER_MS)));
    }

    /**
     * Failures of getting or preparing a connection, by class name so that common needs no data
     * library: Micronaut Data's ConnectionException ("Could not set JDBC Connection read-only",
     * "Failed to obtain a connection") wraps whatever the pool said.
     */
    private static final java.util.Set<String> CONNECTION_FAILURES =
            java.util.Set.of("io.micronaut.data.connection.exceptions.ConnectionException");
    /** HikariCP's pooled connection after the pool closed it for a connection failure (no SQLState). */
    private static final String POOL_CLOSED = "Connection is closed";

    /** SQLState class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * MySQL/MariaDB: 1040 too many connections, 1053 server shutdown in progress, 1077 normal
     * shutdown, 1290 read-only (--read-only, a replica), 1836 read-only mode, 1927 connection killed,
     * 2002/2003/2006/2013 cannot connect, server gone away, lost connection.
     */
    private static final java.util.Set<Integer> UNAVAILABLE_CODES =
            java.util.Set.of(1040, 1053, 1077, 1290, 1836, 1927, 2002, 2003, 2006, 2013);

    private static Optional<SQLException> duplicate(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if (s.getErrorCode() == MYSQL_DUP_ENTRY || s.getErrorCode() == MYSQL_DUP_ENTRY_WITH_KEY_NAME
                            || UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return Optional.of(s);
                    }
                    if (s.getNextException() == s) {
                        break;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
