package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.LastCheckOut;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AttendanceRecords} on the attendance database, through Micronaut Data repositories. */
@Singleton
public class JdbcAttendanceRecords implements AttendanceRecords {

    private final AttendanceEventRepository events;
    private final OpenSessionRepository sessions;
    private final DataSource pool;

    public JdbcAttendanceRecords(AttendanceEventRepository events, OpenSessionRepository sessions,
                                 DataSource dataSource) {
        this.events = events;
        this.sessions = sessions;
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Standing standing(String nip, String idempotencyKey) {
        try (Connection c = pool.getConnection()) {
            return EventRows.standing(c, nip, idempotencyKey);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read what officer " + nip + " stored: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OpenSession> openSession(String nip) {
        return sessions.findById(nip);
    }

    @Override
    public List<OpenSession> openSessions(Collection<String> nips) {
        return sessions.findByOfficerNipIn(nips);
    }

    @Override
    public Map<String, Instant> lastCheckOuts(Collection<String> nips, Instant since) {
        Map<String, Instant> out = new HashMap<>();
        for (LastCheckOut l : events.findLastCheckOuts(List.copyOf(nips), since)) {
            out.put(l.officerNip(), l.lastCheckOut());
        }
        return out;
    }

    @Override
    public List<AttendanceEvent> events(String nip, LocalDate from, LocalDate to) {
        return events.findByOfficerNipAndLocalDateBetweenOrderByRecordTime(nip, from, to);
    }

    @Override
    public List<OpenSession> dueSessions(Instant now, Instant receivedBy, int limit) {
        return sessions.findByCloseAtLessThanEqualsAndReceiveTimeLessThanEquals(now, receivedBy,
                Pageable.from(0, limit, Sort.of(Sort.Order.asc("closeAt"))));
    }

    @Override
    public List<AttendanceEvent> unverified(int limit) {
        return events.findByVerification(Verification.UNVERIFIED,
                Pageable.from(0, limit, Sort.of(Sort.Order.asc("receiveTime"))));
    }

    @Override
    @Transactional
    public void reconciled(AttendanceEvent e, Verification verification, String violation, LocalDate date,
                           String timeZone, String unitId, Instant closeAt) {
        if (events.reconcile(e.id(), verification.name(), violation, date, timeZone, unitId) > 0
                && e.kind() == EventKind.CHECK_IN) {
            sessions.reconciled(e.id(), date, timeZone, unitId, closeAt);
        }
    }
}
