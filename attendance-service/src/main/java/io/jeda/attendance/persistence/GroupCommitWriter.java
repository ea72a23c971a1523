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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * When a batch fails (a retried idempotency key, a second check-in, a session closed meanwhile, a
 * deadlock), it is rolled back and its requests are written again one by one, each in its own
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
    private static final String DELETE_SESSION = "DELETE FROM open_session WHERE officer_nip = ? AND check_in_id = ?";

    /** One check-in (with its session) or check-out waiting for its commit. */
    private record Write(AttendanceEvent event, OpenSession session, CompletableFuture<Void> done) {
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
                             @Value("${jeda.attendance.group-commit.writers:2}") int writerCount,
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
     * Stores a check-out and closes its session, once committed.
     *
     * @throws JedaException NOT_CHECKED_IN as {@link AttendanceStore#checkOut}
     */
    public void checkOut(AttendanceEvent event) {
        if (writers.isEmpty()) {
            store.checkOut(event);
        } else {
            await(new Write(event, null, new CompletableFuture<>()));
        }
    }

    private void await(Write w) {
        if (closed) {
            throw unavailable("WRITER_STOPPED", "attendance-service is shutting down; retry");
        }
        if (!queue.offer(w)) {
            throw JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "WRITE_QUEUE_FULL",
                    "too many check-ins and check-outs are waiting to be stored; retry shortly");
        }
        try {
            w.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    private void writeLoop() {
        List<Write> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(w -> w.done().isDone()); // its caller gave up before it was taken
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit writer failed", e);
                batch.forEach(w -> w.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Write> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > 1) {
            // One lock order for every batch, so that two writers do not deadlock on each other.
            batch.sort(Comparator.comparing(w -> w.event().officerNip()));
            try {
                writeTogether(batch);
                batch.forEach(w -> w.done().complete(null));
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("batch of {} writes failed, writing them one by one: {}", batch.size(), e.getMessage());
            }
        }
        for (Write w : batch) {
            try {
                if (w.session() != null) {
                    store.checkIn(w.event(), w.session());
                } else {
                    store.checkOut(w.event());
                }
                w.done().complete(null);
            } catch (RuntimeException e) {
                w.done().completeExceptionally(e);
            }
        }
    }

    /** All of the batch in one transaction, or (on any failure, rolled back) none of it. */
    private void writeTogether(List<Write> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                    for (Write w : batch) {
                        bindEvent(ps, w.event());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                int checkOuts = 0;
                for (Write w : batch) {
                    checkOuts += w.session() == null ? 1 : 0;
                }
                if (checkOuts > 0) {
                    try (PreparedStatement ps = c.prepareStatement(DELETE_SESSION)) {
                        for (Write w : batch) {
                            if (w.session() == null) {
                                ps.setString(1, w.event().officerNip());
                                ps.setString(2, w.event().checkInId());
                                ps.addBatch();
                            }
                        }
                        for (int count : ps.executeBatch()) {
                            if (count != 1) {
                                throw new SQLException("a session to close was not open (" + count + " rows)");
                            }
                        }
                    }
                }
                if (checkOuts < batch.size()) {
                    try (PreparedStatement ps = c.prepareStatement(INSERT_SESSION)) {
                        for (Write w : batch) {
                            if (w.session() != null) {
                                bindSession(ps, w.session());
                                ps.addBatch();
                            }
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    /** Binds as Micronaut Data does for the repositories (enums by name, instants as timestamps). */
    private static void bindEvent(PreparedStatement ps, AttendanceEvent e) throws SQLException {
        ps.setString(1, e.id());
        ps.setString(2, e.officerNip());
        ps.setString(3, e.kind().name());
        ps.setString(4, e.mode().name());
        ps.setString(5, e.idempotencyKey());
        ps.setString(6, e.fingerprint());
        ps.setTimestamp(7, timestamp(e.recordTime()));
        ps.setTimestamp(8, timestamp(e.deviceTime()));
        ps.setTimestamp(9, timestamp(e.receiveTime()));
        ps.setDate(10, java.sql.Date.valueOf(e.localDate()));
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
        ps.setTimestamp(4, timestamp(s.since()));
        ps.setDate(5, java.sql.Date.valueOf(s.localDate()));
        ps.setString(6, s.timeZone());
        setString(ps, 7, s.unitId());
        ps.setBoolean(8, s.unverified());
        ps.setTimestamp(9, timestamp(s.closeAt()));
        ps.setTimestamp(10, timestamp(s.receiveTime()));
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.from(i);
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
