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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    private final Clock clock;

    public JdbcAttendanceRecords(AttendanceEventRepository events, OpenSessionRepository sessions,
                                 DataSource dataSource, Clock clock) {
        this.events = events;
        this.clock = clock;
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
        for (LastCheckOut l : events.findLastCheckOuts(List.copyOf(nips), since, earliestLocalDate(since),
                latestLocalDate(clock.instant()))) {
            out.put(l.officerNip(), l.lastCheckOut());
        }
        return out;
    }

    /**
     * The earliest local date an event recorded at or after {@code instant} can carry: Indonesia's
     * zones are ahead of UTC, so an event's local date is never before the UTC date of its time of
     * record; a day more covers an automatic check-out recorded after its date's midnight and a
     * date reconciliation moved to another zone.
     */
    static LocalDate earliestLocalDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    /** The latest local date an event recorded by {@code now} can carry (zones up to UTC+9). */
    static LocalDate latestLocalDate(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
    }

    @Override
    public List<AttendanceEvent> events(String nip, LocalDate from, LocalDate to) {
        return events.findByOfficerNipAndLocalDateBetweenOrderByRecordTime(nip, from, to);
    }

    @Override
    public List<AttendanceEvent> eventsOf(Collection<String> nips, LocalDate from, LocalDate to) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(nips));
        List<AttendanceEvent> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.addAll(events.findByOfficerNipInAndLocalDateBetween(all.subList(i, Math.min(all.size(), i + 500)),
                    from, to));
        }
        out.sort(java.util.Comparator.comparing(AttendanceEvent::officerNip).thenComparing(AttendanceEvent::recordTime));
        return out;
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

    /**
     * One short transaction that finds both rows by their primary keys, reading committed data, so
     * it takes no gap locks and waits on nothing but the two rows (the session update once scanned
     * the table by check-in id and deadlocked with the check-in writer). A transaction the database
     * still picks to break a deadlock is run once more.
     */
    @Override
    public void reconciled(AttendanceEvent e, Verification verification, String violation, LocalDate date,
                           String timeZone, String unitId, Instant closeAt) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    if (EventRows.reconcile(c, e, verification.name(), violation, date, timeZone, unitId)
                            && e.kind() == EventKind.CHECK_IN) {
                        EventRows.reconcileSession(c, e.officerNip(), e.id(), date, timeZone, unitId, closeAt);
                    }
                    c.commit();
                    return;
                } catch (SQLException | RuntimeException failure) {
                    c.rollback();
                    throw failure;
                }
            } catch (SQLException failure) {
                if (attempt == 1 && SqlFailures.isDeadlock(failure)) {
                    continue;
                }
                throw new DataAccessException("cannot record the reconciliation of " + e.id() + ": "
                        + failure.getMessage(), failure);
            }
        }
    }
}
