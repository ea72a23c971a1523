package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.WriteOutcome;
import io.jeda.attendance.domain.WriteOutcome.Reason;
import io.jeda.attendance.domain.WriteOutcome.Refused;
import io.jeda.attendance.domain.WriteOutcome.Replayed;
import io.jeda.attendance.domain.WriteOutcome.Stored;
import io.jeda.common.sql.SqlErrors;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One check-in or check-out in its own short transaction, which decides its outcome: the database's
 * unique keys tell a retry (the officer's idempotency key is taken: the event stored under it is
 * read in the same transaction) and a second check-in (an open session exists) from a new write.
 * The group commit writes this way what it could not write in a batch, and every write when
 * grouping is off. Transactions read committed data: a key that conflicted belongs to a committed
 * row (the database made this transaction wait for the other's outcome), so it is there to read.
 */
@Singleton
public class CheckStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckStore.class);

    private final DataSource dataSource;

    public CheckStore(DataSource dataSource) {
        // The pool itself: these transactions are this class's own, never a caller's.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Stores a check-in and opens its session: Stored, Replayed or Refused ALREADY_CHECKED_IN. */
    public WriteOutcome checkIn(AttendanceEvent event, OpenSession session) {
        return inTransaction(c -> checkIn(c, event, session));
    }

    /**
     * Stores a check-out and closes the officer's open session, locked first so that a concurrent
     * check-out waits and then finds it closed: Stored (naming the check-in it closed), Replayed, or
     * Refused NOT_CHECKED_IN or CHECK_OUT_BEFORE_CHECK_IN.
     */
    public WriteOutcome checkOut(AttendanceEvent event) {
        return inTransaction(c -> checkOut(c, event));
    }

    private static WriteOutcome checkIn(Connection c, AttendanceEvent event, OpenSession session) throws SQLException {
        try {
            EventRows.insertEvents(c, List.of(event));
        } catch (SQLException e) {
            return replayed(c, event, e);
        }
        try {
            EventRows.insertSessions(c, List.of(session));
        } catch (SQLException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
            return new Refused(Reason.ALREADY_CHECKED_IN);
        }
        return new Stored(event);
    }

    private static WriteOutcome checkOut(Connection c, AttendanceEvent event) throws SQLException {
        String nip = event.officerNip();
        EventRows.Open open = EventRows.lockSessions(c, List.of(nip)).get(nip);
        Optional<Refused> refusal = open == null ? Optional.of(new Refused(Reason.NOT_CHECKED_IN))
                : event.refusalToClose(open.checkInId(), open.since());
        if (refusal.isPresent()) {
            return refusedUnlessRetried(c, event, refusal.get());
        }
        AttendanceEvent closing = event.closing(open.checkInId());
        try {
            EventRows.insertEvents(c, List.of(closing));
        } catch (SQLException e) {
            return replayed(c, event, e);
        }
        if (EventRows.deleteSessions(c, List.of(nip)) != 1) {
            throw new SQLException("the session of " + nip + " locked by this transaction was not there to close");
        }
        return new Stored(closing);
    }

    /**
     * A check-out that cannot close what is open may be the retry of one that already did (its
     * session is closed, or replaced by a later check-in): then the first result is the answer.
     */
    static WriteOutcome refusedUnlessRetried(Connection c, AttendanceEvent event, Refused refusal) throws SQLException {
        return EventRows.findByKey(c, event.officerNip(), event.idempotencyKey())
                .<WriteOutcome>map(Replayed::new).orElse(refusal);
    }

    /** An insert of the event failed: on its idempotency key, the event stored under it is the answer. */
    private static WriteOutcome replayed(Connection c, AttendanceEvent event, SQLException failure) throws SQLException {
        if (!SqlErrors.isDuplicateKey(failure)) {
            throw failure;
        }
        Optional<AttendanceEvent> first = EventRows.findByKey(c, event.officerNip(), event.idempotencyKey());
        if (first.isEmpty()) {
            // Not the key (event ids are random): let the caller see the failure.
            throw failure;
        }
        return new Replayed(first.get());
    }

    private interface Work {
        WriteOutcome apply(Connection c) throws SQLException;
    }

    /**
     * Runs the work in a transaction of its own, committed only when it stored something; a
     * transaction the database chose to break a deadlock is run once more. The pool restores the
     * connection's autocommit and isolation when it takes the connection back.
     */
    private WriteOutcome inTransaction(Work work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    WriteOutcome outcome = work.apply(c);
                    if (outcome instanceof Stored) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                    return outcome;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt == 1 && SqlFailures.isDeadlock(e)) {
                    LOG.debug("write deadlocked; trying it again once");
                    continue;
                }
                throw new DataAccessException("cannot store the check: " + e.getMessage(), e);
            }
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
