package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.common.error.JedaException;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.SQLException;

/**
 * The two short write transactions of the check-in path. Each is a pair of statements whose
 * conflicts the database decides (unique idempotency key, one open session per officer), so
 * concurrent requests never race through a read-then-write.
 */
@Singleton
public class AttendanceStore {

    private final AttendanceEventRepository events;
    private final OpenSessionRepository sessions;

    public AttendanceStore(AttendanceEventRepository events, OpenSessionRepository sessions) {
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Stores a check-in and opens its session.
     *
     * @throws DataAccessException whose cause is a duplicate key when the idempotency key was used
     *                             before or a session is already open; see {@link #isDuplicateKey}
     */
    @Transactional
    public void checkIn(AttendanceEvent event, OpenSession session) {
        events.save(event);
        sessions.save(session);
    }

    /**
     * Stores a check-out and closes the officer's open session, locked first so that a concurrent
     * check-out waits and then finds it closed.
     *
     * @return the stored check-out, naming the check-in it closed
     * @throws JedaException NOT_CHECKED_IN when no session is open (or not the one the event names),
     *                       CHECK_OUT_BEFORE_CHECK_IN (see {@link AttendanceEvent#closing}); nothing
     *                       is stored then
     */
    @Transactional
    public AttendanceEvent checkOut(AttendanceEvent event) {
        OpenSession open = sessions.lockById(event.officerNip()).orElseThrow(AttendanceEvent::notCheckedIn);
        AttendanceEvent closing = event.closing(open.checkInId(), open.since());
        events.save(closing);
        if (sessions.deleteByOfficerNipAndCheckInId(closing.officerNip(), closing.checkInId()) == 0) {
            throw notCheckedIn();
        }
        return closing;
    }

    /**
     * Records the outcome of reconciling one event and, for a check-in whose session is still
     * open, corrects the session's date, zone and closing time. Only an event still UNVERIFIED
     * changes, so concurrent runs record each outcome once.
     */
    @Transactional
    public void reconciled(AttendanceEvent e, String verification, String violation, java.time.LocalDate date,
                           String timeZone, String unitId, java.time.Instant closeAt) {
        if (events.reconcile(e.id(), verification, violation, date, timeZone, unitId) > 0
                && e.kind() == io.jeda.attendance.domain.EventKind.CHECK_IN) {
            sessions.reconciled(e.id(), date, timeZone, unitId, closeAt);
        }
    }

    public static JedaException notCheckedIn() {
        return AttendanceEvent.notCheckedIn();
    }

    /** Whether a failure was a unique or primary key violation (SQL state class 23). */
    public static boolean isDuplicateKey(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException se && se.getSQLState() != null && se.getSQLState().startsWith("23")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
