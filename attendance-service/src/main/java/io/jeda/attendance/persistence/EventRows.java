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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of the check-in path, shared by the group commit and by the one-by-one writes, in
 * plain JDBC on a connection whose transaction the caller holds.
 * <p>
 * Values are bound as Micronaut Data binds them for the repositories: enums by name, and instants
 * as the UTC date-time the services' JVMs (always in UTC) store them as. They are bound as
 * LocalDateTime: Connector/J renders a java.sql.Timestamp through a new SimpleDateFormat each time,
 * twice per row of a batch, which was a seventh of the writer's CPU.
 */
final class EventRows {

    private static final String EVENT_COLUMNS = "id, officer_nip, kind, mode, idempotency_key, fingerprint,"
            + " record_time, device_time, receive_time, local_date, time_zone, unit_id, latitude, longitude,"
            + " accuracy_meters, device_id, flags, verification, violation, check_in_id";
    static final String INSERT_EVENT = "INSERT INTO attendance_event (" + EVENT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SESSION = "INSERT INTO open_session (officer_nip, check_in_id, mode, since,"
            + " local_date, time_zone, unit_id, unverified, close_at, receive_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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

    /** The open check-in a check-out closes, as locked by the transaction. */
    record Open(String checkInId, Instant since) {
    }

    private EventRows() {
    }

    /** Inserts the events as one JDBC batch (one multi-row statement with Connector/J's rewriting). */
    static void insertEvents(Connection c, Collection<AttendanceEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_KEY)) {
            for (AttendanceEvent e : events) {
                ps.setString(1, e.officerNip());
                ps.setString(2, e.idempotencyKey());
                ps.setString(3, e.id());
                ps.setObject(4, e.localDate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            for (AttendanceEvent e : events) {
                bindEvent(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertSessions(Connection c, Collection<OpenSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_SESSION)) {
            for (OpenSession s : sessions) {
                bindSession(ps, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
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

    private static void bindEvent(PreparedStatement ps, AttendanceEvent e) throws SQLException {
        ps.setString(1, e.id());
        ps.setString(2, e.officerNip());
        ps.setString(3, e.kind().name());
        ps.setString(4, e.mode().name());
        ps.setString(5, e.idempotencyKey());
        ps.setString(6, e.fingerprint());
        ps.setObject(7, timestamp(e.recordTime()));
        ps.setObject(8, timestamp(e.deviceTime()));
        ps.setObject(9, timestamp(e.receiveTime()));
        ps.setObject(10, e.localDate());
        ps.setString(11, e.timeZone());
        setString(ps, 12, e.unitId());
        setDouble(ps, 13, e.latitude());
        setDouble(ps, 14, e.longitude());
        setDouble(ps, 15, e.accuracyMeters());
        ps.setString(16, e.deviceId());
        ps.setString(17, e.flags());
        ps.setString(18, e.verification().name());
        setString(ps, 19, e.violation());
        setString(ps, 20, e.checkInId());
    }

    private static void bindSession(PreparedStatement ps, OpenSession s) throws SQLException {
        ps.setString(1, s.officerNip());
        ps.setString(2, s.checkInId());
        ps.setString(3, s.mode().name());
        ps.setObject(4, timestamp(s.since()));
        ps.setObject(5, s.localDate());
        ps.setString(6, s.timeZone());
        setString(ps, 7, s.unitId());
        ps.setBoolean(8, s.unverified());
        ps.setObject(9, timestamp(s.closeAt()));
        ps.setObject(10, timestamp(s.receiveTime()));
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
