package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The statements of the check-in path, shared by the group commit and by the one-by-one writes, in
 * plain JDBC on a connection whose transaction the caller holds.
 * <p>
 * Values are bound as Micronaut Data binds them for the repositories: enums by name, and instants
 * as the UTC date-time the services' JVMs (always in UTC) store them as. They are bound as
 * LocalDateTime: Connector/J renders a java.sql.Timestamp through a new SimpleDateFormat each time,
 * twice per row of a batch, which was a seventh of the writer's CPU.
 * <p>
 * The rows of a group commit go out as multi-row INSERTs written here ({@code VALUES (...),(...)},
 * at most {@link #MAX_ROWS_PER_INSERT} rows a statement), each value bound once. A JDBC batch
 * rewritten by Connector/J sent the same statement, but copied every row's values twice on the way
 * and encoded every string twice (once only to measure the packet): a fifth of the writer's CPU.
 */
final class EventRows {

    private static final String EVENT_COLUMNS = "id, officer_nip, kind, mode, idempotency_key, fingerprint,"
            + " record_time, device_time, receive_time, local_date, time_zone, unit_id, latitude, longitude,"
            + " accuracy_meters, device_id, flags, verification, violation, check_in_id";
    static final String INSERT_EVENT = "INSERT INTO attendance_event (" + EVENT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SESSION = "INSERT INTO open_session (officer_nip, check_in_id, mode, since,"
            + " local_date, time_zone, unit_id, unverified, close_at, receive_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Most rows in one INSERT; a larger group is sent as several. 64 rows of events make a statement
     * of about 3 KB, which Connector/J keeps parsed per connection (prepStmtCacheSqlLimit, 4 KB);
     * at the driver's own 2 KB limit, statements of more than some 40 event rows were parsed at
     * every batch, an eighth of the inserts' CPU in a profile.
     */
    static final int MAX_ROWS_PER_INSERT = 64;
    /** One statement for all (a JDBC batch of DELETEs would go out as a multi-statement query). */
    private static final String DELETE_SESSIONS = "DELETE FROM open_session WHERE officer_nip IN (%s)";
    private static final String LOCK_SESSIONS = "SELECT officer_nip, check_in_id, since FROM open_session"
            + " WHERE officer_nip IN (%s) FOR UPDATE";
    /**
     * The idempotency keys live in attendance_key (unpartitioned, so its primary key catches a retry
     * whatever month it lands in); a write inserts its key before its event, in one transaction.
     */
    static final String INSERT_KEY = "INSERT INTO attendance_key (officer_nip, idempotency_key, event_id, local_date)"
            + " VALUES (?, ?, ?, ?)";
    /** The event stored under a key: found by the key's row, then by the event's whole primary key. */
    static final String FIND_KEY = "SELECT event_id, local_date FROM attendance_key"
            + " WHERE officer_nip = ? AND idempotency_key = ?";
    /**
     * By its whole primary key, so only the partition of its date is read. (A join from the key row
     * is not pruned: the databases choose partitions before they read the key.)
     */
    static final String FIND_BY_ID = "SELECT " + EVENT_COLUMNS + " FROM attendance_event WHERE id = ? AND local_date = ?";

    /**
     * The event id stored under the officer's key and whether the officer has a session open, in one
     * statement, so both are read at one instant (the event itself is then read by its id).
     */
    static final String STANDING = "SELECT k.event_id, k.local_date,"
            + " (SELECT COUNT(*) FROM open_session s WHERE s.officer_nip = ?)"
            + " FROM (SELECT 1 AS one) d LEFT JOIN attendance_key k ON k.officer_nip = ? AND k.idempotency_key = ?";

    static final String RECONCILE = "UPDATE attendance_event SET verification = ?, violation = ?,"
            + " local_date = ?, time_zone = ?, unit_id = ? WHERE id = ? AND local_date = ? AND verification = 'UNVERIFIED'";
    /** The key row follows its event's local date, which reconciliation may correct. */
    private static final String RECONCILE_KEY = "UPDATE attendance_key SET local_date = ?"
            + " WHERE officer_nip = ? AND idempotency_key = ?";
    private static final String RECONCILE_SESSION = "UPDATE open_session SET unverified = FALSE, local_date = ?,"
            + " time_zone = ?, unit_id = ?, close_at = ? WHERE officer_nip = ? AND check_in_id = ?";

    private static final MultiRowInsert KEYS = new MultiRowInsert(INSERT_KEY, 4);
    private static final MultiRowInsert EVENTS = new MultiRowInsert(INSERT_EVENT, 20);
    private static final MultiRowInsert SESSIONS = new MultiRowInsert(INSERT_SESSION, 10);

    /** The open check-in a check-out closes, as locked by the transaction. */
    record Open(String checkInId, Instant since) {
    }

    private EventRows() {
    }

    /** Binds one row's values from its first parameter on. */
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    /**
     * One INSERT statement of n rows, for n up to {@link #MAX_ROWS_PER_INSERT}: the single-row
     * statement's VALUES list repeated. Each text is made once, so the driver's statement cache
     * finds it by a string whose hash is already known.
     */
    private static final class MultiRowInsert {

        private final String head;
        private final String row;
        private final int columns;
        private final AtomicReferenceArray<String> byRows = new AtomicReferenceArray<>(MAX_ROWS_PER_INSERT + 1);

        MultiRowInsert(String singleRow, int columns) {
            int values = singleRow.lastIndexOf(" VALUES ");
            this.head = singleRow.substring(0, values) + " VALUES ";
            this.row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
            this.columns = columns;
        }

        String sql(int rows) {
            String sql = byRows.get(rows);
            if (sql == null) {
                StringBuilder b = new StringBuilder(head.length() + rows * (row.length() + 1)).append(head);
                for (int i = 0; i < rows; i++) {
                    b.append(i == 0 ? "" : ",").append(row);
                }
                sql = b.toString();
                byRows.set(rows, sql);
            }
            return sql;
        }

        /** Inserts the rows, up to {@link #MAX_ROWS_PER_INSERT} a statement. */
        <T> void insert(Connection c, List<T> rows, RowBinder<T> binder) throws SQLException {
            for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_INSERT) {
                int n = Math.min(MAX_ROWS_PER_INSERT, rows.size() - from);
                try (PreparedStatement ps = c.prepareStatement(sql(n))) {
                    for (int i = 0; i < n; i++) {
                        binder.bind(ps, i * columns + 1, rows.get(from + i));
                    }
                    int inserted = ps.executeUpdate();
                    if (inserted != n) {
                        throw new SQLException("inserted " + inserted + " of " + n + " rows");
                    }
                }
            }
        }
    }

    /** Inserts the events and their idempotency keys, as one multi-row statement each (per 64 rows). */
    static void insertEvents(Connection c, List<AttendanceEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        KEYS.insert(c, events, EventRows::bindKey);
        EVENTS.insert(c, events, EventRows::bindEvent);
    }

    static void insertSessions(Connection c, List<OpenSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        SESSIONS.insert(c, sessions, EventRows::bindSession);
    }

    /** Deletes the officers' sessions; the caller has locked them, so the count is theirs. */
    static int deleteSessions(Connection c, List<String> nips) throws SQLException {
        if (nips.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(inList(DELETE_SESSIONS, nips.size()))) {
            for (int i = 0; i < nips.size(); i++) {
                ps.setString(i + 1, nips.get(i));
            }
            return ps.executeUpdate();
        }
    }

    /** The open sessions of the officers, locked until the end of the transaction, by officer. */
    static Map<String, Open> lockSessions(Connection c, List<String> nips) throws SQLException {
        if (nips.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, Open> open = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(inList(LOCK_SESSIONS, nips.size()))) {
            for (int i = 0; i < nips.size(); i++) {
                ps.setString(i + 1, nips.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.put(rs.getString(1), new Open(rs.getString(2), instant(rs, 3)));
                }
            }
        }
        return open;
    }

    /**
     * The event stored under the officer's idempotency key, as committed now (the transactions
     * here read committed data), else empty.
     */
    static Optional<AttendanceEvent> findByKey(Connection c, String nip, String key) throws SQLException {
        String id;
        LocalDate date;
        try (PreparedStatement ps = c.prepareStatement(FIND_KEY)) {
            ps.setString(1, nip);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getString(1);
                date = rs.getObject(2, LocalDate.class);
            }
        }
        return findById(c, id, date);
    }

    /** An event by its id and local date (its primary key). */
    static Optional<AttendanceEvent> findById(Connection c, String id, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_BY_ID)) {
            ps.setString(1, id);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.empty();
            }
        }
    }

    /** See {@link io.jeda.attendance.domain.AttendanceRecords#standing}. */
    static AttendanceRecords.Standing standing(Connection c, String nip, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STANDING)) {
            ps.setString(1, nip);
            ps.setString(2, nip);
            ps.setString(3, key);
            String id;
            LocalDate date;
            boolean open;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getString(1);
                date = rs.getObject(2, LocalDate.class);
                open = rs.getLong(3) > 0;
            }
            Optional<AttendanceEvent> sameKey = id == null ? Optional.empty() : findById(c, id, date);
            return new AttendanceRecords.Standing(sameKey, open);
        }
    }

    /** Records reconciliation's outcome on an event still UNVERIFIED; whether it was. */
    static boolean reconcile(Connection c, AttendanceEvent e, String verification, String violation, LocalDate date,
                             String timeZone, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECONCILE)) {
            ps.setString(1, verification);
            setString(ps, 2, violation);
            ps.setObject(3, date);
            ps.setString(4, timeZone);
            setString(ps, 5, unitId);
            ps.setString(6, e.id());
            ps.setObject(7, e.localDate());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        if (!date.equals(e.localDate())) {
            try (PreparedStatement ps = c.prepareStatement(RECONCILE_KEY)) {
                ps.setObject(1, date);
                ps.setString(2, e.officerNip());
                ps.setString(3, e.idempotencyKey());
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** Corrects the officer's open session if it is still this check-in (found by primary key). */
    static void reconcileSession(Connection c, String nip, String checkInId, LocalDate date, String timeZone,
                                 String unitId, Instant closeAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECONCILE_SESSION)) {
            ps.setObject(1, date);
            ps.setString(2, timeZone);
            setString(ps, 3, unitId);
            ps.setObject(4, timestamp(closeAt));
            ps.setString(5, nip);
            ps.setString(6, checkInId);
            ps.executeUpdate();
        }
    }

    private static AttendanceEvent event(ResultSet rs) throws SQLException {
        return new AttendanceEvent(rs.getString(1), rs.getString(2), EventKind.valueOf(rs.getString(3)),
                AttendanceMode.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, 7),
                instant(rs, 8), instant(rs, 9), rs.getObject(10, LocalDate.class), rs.getString(11),
                rs.getString(12), nullableDouble(rs, 13), nullableDouble(rs, 14), nullableDouble(rs, 15),
                rs.getString(16), rs.getString(17), Verification.valueOf(rs.getString(18)), rs.getString(19),
                rs.getString(20));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Double nullableDouble(ResultSet rs, int i) throws SQLException {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : d;
    }

    private static String inList(String sql, int n) {
        return String.format(sql, String.join(",", Collections.nCopies(n, "?")));
    }

    /** The key row of an event (INSERT_KEY's four values), from parameter {@code p} on. */
    private static void bindKey(PreparedStatement ps, int p, AttendanceEvent e) throws SQLException {
        ps.setString(p, e.officerNip());
        ps.setString(p + 1, e.idempotencyKey());
        ps.setString(p + 2, e.id());
        ps.setObject(p + 3, e.localDate());
    }

    /** An event's twenty values (EVENT_COLUMNS), from parameter {@code p} on. */
    private static void bindEvent(PreparedStatement ps, int p, AttendanceEvent e) throws SQLException {
        ps.setString(p, e.id());
        ps.setString(p + 1, e.officerNip());
        ps.setString(p + 2, e.kind().name());
        ps.setString(p + 3, e.mode().name());
        ps.setString(p + 4, e.idempotencyKey());
        ps.setString(p + 5, e.fingerprint());
        ps.setObject(p + 6, timestamp(e.recordTime()));
        ps.setObject(p + 7, timestamp(e.deviceTime()));
        ps.setObject(p + 8, timestamp(e.receiveTime()));
        ps.setObject(p + 9, e.localDate());
        ps.setString(p + 10, e.timeZone());
        setString(ps, p + 11, e.unitId());
        setDouble(ps, p + 12, e.latitude());
        setDouble(ps, p + 13, e.longitude());
        setDouble(ps, p + 14, e.accuracyMeters());
        ps.setString(p + 15, e.deviceId());
        ps.setString(p + 16, e.flags());
        ps.setString(p + 17, e.verification().name());
        setString(ps, p + 18, e.violation());
        setString(ps, p + 19, e.checkInId());
    }

    /** A session's ten values (INSERT_SESSION's), from parameter {@code p} on. */
    private static void bindSession(PreparedStatement ps, int p, OpenSession s) throws SQLException {
        ps.setString(p, s.officerNip());
        ps.setString(p + 1, s.checkInId());
        ps.setString(p + 2, s.mode().name());
        ps.setObject(p + 3, timestamp(s.since()));
        ps.setObject(p + 4, s.localDate());
        ps.setString(p + 5, s.timeZone());
        setString(ps, p + 6, s.unitId());
        ps.setBoolean(p + 7, s.unverified());
        ps.setObject(p + 8, timestamp(s.closeAt()));
        ps.setObject(p + 9, timestamp(s.receiveTime()));
    }

    private static LocalDateTime timestamp(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
