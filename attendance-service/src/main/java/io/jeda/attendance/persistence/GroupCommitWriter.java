package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of check-ins and check-outs: requests that passed every rule wait here while a
 * writer thread stores everything queued (up to the maximum batch) in ONE transaction with ONE
 * durable commit, as JDBC batches that Connector/J sends as multi-row statements. A request is
 * answered only after the commit of its rows.
 * <p>
 * A batch is at most five statements: lock the open sessions its check-outs close (one SELECT ...
 * FOR UPDATE), insert the events, delete the closed sessions, insert the new ones, commit. A
 * check-out with no open session, or earlier than its check-in, is refused on its own there.
 * When a batch fails otherwise (a retried idempotency key, a second check-in, a deadlock), it is
 * rolled back and its requests are written again one by one, each in its own
 * transaction through {@link AttendanceStore}, so each gets exactly the outcome (stored, or the
 * exception) it would get without grouping, and the caller's conflict handling is unchanged.
 * With a maximum batch of 1 there are no writer threads: each request writes itself as before.
 */
@Singleton
public class GroupCommitWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private static final String INSERT_EVENT = "INSERT INTO attendance_event (id, officer_nip, kind, mode,"
            + " idempotency_key, fingerprint, record_time, device_time, receive_time, local_date, time_zone, unit_id,"
            + " latitude, longitude, accuracy_meters, device_id, flags, verification, violation, check_in_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SESSION = "INSERT INTO open_session (officer_nip, check_in_id, mode, since,"
            + " local_date, time_zone, unit_id, unverified, close_at, receive_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** One statement for all (a JDBC batch of DELETEs would go out as a multi-statement query). */
    private static final String DELETE_SESSIONS = "DELETE FROM open_session WHERE officer_nip IN (%s)";
    private static final String LOCK_SESSIONS = "SELECT officer_nip, check_in_id, since FROM open_session"
            + " WHERE officer_nip IN (%s) FOR UPDATE";

    /** One check-in (with its session) or check-out waiting for its commit; done with the stored event. */
    private record Write(AttendanceEvent event, OpenSession session, CompletableFuture<AttendanceEvent> done) {

        boolean isCheckOut() {
            return session == null;
        }
    }

    /** The open check-in a check-out closes, as locked by the batch. */
    private record Open(String checkInId, Instant since) {
    }

    private final AttendanceStore store;
    private final DataSource dataSource;
    private final int maxBatch;
    private final Duration timeout;
    private final BlockingQueue<Write> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    public GroupCommitWriter(AttendanceStore store, DataSource dataSource,
                             @Value("${jeda.attendance.group-commit.max-batch:64}") int maxBatch,
                             @Value("${jeda.attendance.group-commit.writers:1}") int writerCount,
                             @Value("${jeda.attendance.group-commit.queue-capacity:4096}") int queueCapacity,
                             @Value("${jeda.attendance.group-commit.timeout:5s}") Duration timeout) {
        this.store = store;
        // The pool itself: the injected bean hands out only the connection of a surrounding
        // transaction, and the writer threads have none.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.maxBatch = Math.max(1, maxBatch);
        this.timeout = timeout;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
        if (this.maxBatch > 1) {
            for (int i = 0; i < Math.max(1, writerCount); i++) {
                Thread t = new Thread(this::writeLoop, "attendance-group-commit-" + i);
                t.setDaemon(true);
                writers.add(t);
                t.start();
            }
        }
    }

    /**
     * Stores a check-in and opens its session, once committed.
     *
     * @throws io.micronaut.data.exceptions.DataAccessException as {@link AttendanceStore#checkIn}
     */
    public void checkIn(AttendanceEvent event, OpenSession session) {
        if (writers.isEmpty()) {
            store.checkIn(event, session);
        } else {
            await(new Write(event, session, new CompletableFuture<>()));
        }
    }

    /**
     * Stores a check-out and closes the officer's open session, once committed.
     *
     * @return the stored check-out, naming the check-in it closed
     * @throws JedaException NOT_CHECKED_IN or CHECK_OUT_BEFORE_CHECK_IN as {@link AttendanceStore#checkOut}
     */
    public AttendanceEvent checkOut(AttendanceEvent event) {
        if (writers.isEmpty()) {
            return store.checkOut(event);
        }
        return await(new Write(event, null, new CompletableFuture<>()));
    }

    private AttendanceEvent await(Write w) {
        if (closed) {
            throw unavailable("WRITER_STOPPED", "attendance-service is shutting down; retry");
        }
        if (!queue.offer(w)) {
            throw JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "WRITE_QUEUE_FULL",
                    "too many check-ins and check-outs are waiting to be stored; retry shortly");
        }
        try {
            return w.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Not taken yet: it never will be. Taken: it may still commit, and a retry with the
            // same idempotency key then gets its result.
            w.done().cancel(false);
            throw unavailable("WRITE_TIMEOUT", "the check could not be stored in time; retry with the same key");
        } catch (InterruptedException e) {
            w.done().cancel(false);
            Thread.currentThread().interrupt();
            throw unavailable("WRITER_STOPPED", "attendance-service is shutting down; retry");
        }
    }

    private static JedaException unavailable(String reason, String message) {
        return JedaException.of(ErrorKind.UNAVAILABLE, reason, message);
    }

    /**
     * Takes everything queued (up to the maximum batch) and writes it. While there is work the
     * writer keeps one connection, with autocommit off for good, so a batch costs its statements
     * and its commit and nothing else; it gives the connection back to the pool when the queue has
     * been empty for a moment, and after any failure (the connection may be broken).
     */
    private void writeLoop() {
        List<Write> batch = new ArrayList<>(maxBatch);
        Connection connection = null;
        while (true) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    connection = release(connection);
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(w -> w.done().isDone()); // its caller gave up before it was taken
                if (!batch.isEmpty()) {
                    connection = write(batch, connection);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                release(connection);
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit writer failed", e);
                batch.forEach(w -> w.done().completeExceptionally(e));
                connection = release(connection);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Writes the batch in one transaction; if that fails, rolls it back and writes each request in
     * its own transaction so each gets its own outcome. A second request of an officer already in
     * the batch is written on its own after it, in arrival order.
     *
     * @return the connection to keep for the next batch (null when it was given back)
     */
    private Connection write(List<Write> batch, Connection connection) {
        List<Write> together = new ArrayList<>(batch.size());
        List<Write> after = new ArrayList<>();
        Set<String> officers = new HashSet<>();
        for (Write w : batch) {
            (officers.add(w.event().officerNip()) ? together : after).add(w);
        }
        // One lock order for every batch, so that two writers seldom deadlock on each other (they
        // still can, on the unique indexes' neighbouring keys: a deadlocked batch is tried again).
        together.sort(Comparator.comparing(w -> w.event().officerNip()));
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                // Every statement here finds rows by key; no gap locks are needed to stay correct.
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            Map<Write, Object> outcomes;
            try {
                outcomes = writeTogether(connection, together);
            } catch (SQLException e) {
                if (!isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("batch of {} writes deadlocked; trying it again once", together.size());
                outcomes = writeTogether(connection, together);
            }
            outcomes.forEach(GroupCommitWriter::complete);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("batch of {} writes failed, writing them one by one: {}", together.size(), e.getMessage());
            connection = release(connection);
            after.addAll(0, together);
        }
        for (Write w : after) {
            try {
                if (w.isCheckOut()) {
                    w.done().complete(store.checkOut(w.event()));
                } else {
                    store.checkIn(w.event(), w.session());
                    w.done().complete(w.event());
                }
            } catch (RuntimeException e) {
                w.done().completeExceptionally(e);
            }
        }
        return connection;
    }

    /** A transaction the database rolled back to break a deadlock. */
    private static boolean isDeadlock(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && ("40001".equals(se.getSQLState()) || se.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    private static void complete(Write w, Object outcome) {
        if (outcome instanceof AttendanceEvent stored) {
            w.done().complete(stored);
        } else {
            w.done().completeExceptionally((RuntimeException) outcome);
        }
    }

    /** Gives the writer's connection back to the pool (autocommit restored); always returns null. */
    private static Connection release(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("writer connection could not be reset; the pool discards it: {}", e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("writer connection could not be closed: {}", e.getMessage());
            }
        }
        return null;
    }

    /**
     * All of the batch in one transaction on a connection with autocommit off, or (on any failure,
     * rolled back) none of it. The check-outs' sessions are read and locked first, so a check-out
     * with no open session, or one earlier than its check-in, is refused on its own without failing
     * the others; a conflict the database finds (a retried key, a second check-in) fails the batch.
     *
     * @return per write, the stored event or the refusal, valid once this returns (committed)
     */
    private Map<Write, Object> writeTogether(Connection c, List<Write> batch) throws SQLException {
        Map<Write, Object> outcomes = new LinkedHashMap<>();
        try {
            Map<String, Open> open = lockSessions(c, batch);
            List<AttendanceEvent> events = new ArrayList<>();
            List<AttendanceEvent> closing = new ArrayList<>();
            for (Write w : batch) {
                AttendanceEvent stored = w.event();
                if (w.isCheckOut()) {
                    Open o = open.get(stored.officerNip());
                    try {
                        if (o == null) {
                            throw AttendanceEvent.notCheckedIn();
                        }
                        stored = stored.closing(o.checkInId(), o.since());
                    } catch (JedaException refusal) {
                        outcomes.put(w, refusal);
                        continue;
                    }
                    closing.add(stored);
                }
                outcomes.put(w, stored);
                events.add(stored);
            }
            if (!events.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                    for (AttendanceEvent e : events) {
                        bindEvent(ps, e);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!closing.isEmpty()) {
                // The sessions are locked by this transaction: each is still there to delete.
                try (PreparedStatement ps = c.prepareStatement(inList(DELETE_SESSIONS, closing.size()))) {
                    for (int i = 0; i < closing.size(); i++) {
                        ps.setString(i + 1, closing.get(i).officerNip());
                    }
                    int deleted = ps.executeUpdate();
                    if (deleted != closing.size()) {
                        throw new SQLException("closed " + deleted + " of " + closing.size() + " locked sessions");
                    }
                }
            }
            if (closing.size() < events.size()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_SESSION)) {
                    for (Write w : batch) {
                        if (!w.isCheckOut()) {
                            bindSession(ps, w.session());
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The open sessions of the batch's check-outs, locked until the commit, by officer. */
    private static Map<String, Open> lockSessions(Connection c, List<Write> batch) throws SQLException {
        List<String> nips = new ArrayList<>();
        for (Write w : batch) {
            if (w.isCheckOut()) {
                nips.add(w.event().officerNip());
            }
        }
        Map<String, Open> open = new HashMap<>();
        if (nips.isEmpty()) {
            return open;
        }
        try (PreparedStatement ps = c.prepareStatement(inList(LOCK_SESSIONS, nips.size()))) {
            for (int i = 0; i < nips.size(); i++) {
                ps.setString(i + 1, nips.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant since = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    open.put(rs.getString(1), new Open(rs.getString(2), since));
                }
            }
        }
        return open;
    }

    private static String inList(String sql, int n) {
        return String.format(sql, String.join(",", Collections.nCopies(n, "?")));
    }

    /**
     * Binds as Micronaut Data does for the repositories: enums by name, and instants as the UTC
     * date-time the services' JVMs (always in UTC) store them as. They are bound as LocalDateTime:
     * Connector/J renders a java.sql.Timestamp through a new SimpleDateFormat each time, twice per
     * row of a batch, which was a seventh of the writer's CPU.
     */
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

    /** Stops taking new writes and lets the writers store what is queued. */
    @PreDestroy
    void close() {
        closed = true;
        long until = System.nanoTime() + timeout.toNanos();
        for (Thread t : writers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Write left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(unavailable("WRITER_STOPPED", "attendance-service is shutting down; retry"));
        }
    }
}
