package io.jeda.attendance.persistence;

import io.jeda.attendance.AttendanceTestBase;
import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The group commit's multi-row INSERTs: a group larger than one statement holds is stored whole and
 * reads back value for value, and a group with a taken idempotency key stores nothing (so that the
 * writer can write its requests one by one and tell the retry apart).
 */
class MultiRowInsertTest extends AttendanceTestBase {

    private static final int ROWS = 2 * EventRows.MAX_ROWS_PER_INSERT + 22;

    private static String nip(int i) {
        return String.format("19850315201001%04d", i);
    }

    private static AttendanceEvent event(int i, String key) {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(i);
        LocalDate date = LocalDate.ofInstant(t, ZoneOffset.UTC);
        // Every other event has the nullable values unset, so both kinds of binding are read back.
        boolean full = i % 2 == 0;
        return new AttendanceEvent(UUID.randomUUID().toString(), nip(i), EventKind.CHECK_IN, AttendanceMode.OFFICE, key,
                "f".repeat(64), t, t.minusSeconds(3), t, date, "Asia/Jakarta", full ? UNIT : null,
                full ? OFFICE_LAT : null, full ? OFFICE_LON : null, full ? 12.5 : null, "phone-" + i,
                full ? "CLOCK_SKEW" : "", Verification.VERIFIED, null, full ? null : UUID.randomUUID().toString());
    }

    private static OpenSession session(AttendanceEvent e) {
        return new OpenSession(e.officerNip(), e.id(), e.mode(), e.recordTime(), e.localDate(), e.timeZone(),
                e.unitId(), e.unitId() == null, e.recordTime().plusSeconds(3600), e.receiveTime());
    }

    private Connection connection() throws SQLException {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void aGroupLargerThanOneStatementIsStoredWholeAndReadsBackTheSame() throws SQLException {
        List<AttendanceEvent> events = new ArrayList<>();
        List<OpenSession> sessions = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            AttendanceEvent e = event(i, "multi-" + i);
            events.add(e);
            sessions.add(session(e));
        }
        try (Connection c = connection()) {
            EventRows.insertEvents(c, events);
            EventRows.insertSessions(c, sessions);
            c.commit();
        }
        assertEquals(ROWS, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key LIKE 'multi-%'"));
        assertEquals(ROWS, count("SELECT COUNT(*) FROM attendance_key WHERE idempotency_key LIKE 'multi-%'"));
        assertEquals(ROWS, count("SELECT COUNT(*) FROM open_session WHERE officer_nip LIKE '19850315201001%'"));
        try (Connection c = connection()) {
            for (AttendanceEvent e : events) {
                assertEquals(e, EventRows.findByKey(c, e.officerNip(), e.idempotencyKey()).orElseThrow());
            }
            c.rollback();
        }
    }

    @Test
    void aGroupWithATakenKeyStoresNothing() throws SQLException {
        AttendanceEvent first = event(0, "taken");
        try (Connection c = connection()) {
            EventRows.insertEvents(c, List.of(first));
            c.commit();
        }
        List<AttendanceEvent> group = new ArrayList<>();
        for (int i = 1; i < ROWS; i++) {
            group.add(event(i, "group-" + i));
        }
        // The retry sits in the second statement's rows: the first statement's rows must go too.
        group.add(EventRows.MAX_ROWS_PER_INSERT + 5, event(0, "taken"));
        try (Connection c = connection()) {
            assertThrows(SQLException.class, () -> EventRows.insertEvents(c, group));
            c.rollback();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key LIKE 'group-%'"));
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_key WHERE idempotency_key LIKE 'group-%'"));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key = 'taken'"));
    }
}
