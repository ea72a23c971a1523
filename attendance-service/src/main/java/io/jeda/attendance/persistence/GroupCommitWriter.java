package io.jeda.attendance.persistence;

import io.jeda.common.grpc.NoWaiting;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceWriter;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.WriteOutcome;
import io.jeda.attendance.domain.WriteOutcome.Reason;
import io.jeda.attendance.domain.WriteOutcome.Refused;
import io.jeda.attendance.domain.WriteOutcome.Stored;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of check-ins and check-outs: requests that passed every rule wait here while a
 * writer thread stores everything queued (up to the maximum batch) in ONE transaction with ONE
 * durable commit, as JDBC batches that Connector/J sends as multi-row statements. A request is
 * answered only after the commit of its rows, with the outcome that transaction decided.
 * <p>
 * A batch is at most five statements: lock the open sessions its check-outs close (one SELECT ...
 * FOR UPDATE), insert the events, delete the closed sessions, insert the new ones, commit. A
 * check-out with no open session, or earlier than its check-in, is decided on its own there
 * (refused, or the first result when its key was stored before). When a batch fails otherwise (a
 * retried idempotency key, a second check-in, a deadlock twice), it is rolled back and its requests
 * are written again one by one, each in its own transaction through {@link CheckStore}, which
 * decides each outcome (stored, replayed or refused) as if the request had come alone.
 * <p>
 * A request the writer cannot take (queue full, shutting down) or cannot confirm in time is
 * refused with a transient reason, never with a guess about what became of it.
 * With a maximum batch of 1 there are no writer threads: each request writes itself.
 * <p>
 * Pipelined (the default), the writers take turns: one at a time takes a batch and runs its
 * statements, and only their commits overlap, so batch N+1 is built and sent while batch N waits
 * for its durable commit. A batch that needs a row of a batch still committing (the session a
 * check-in just opened, a retried key) waits for that commit and then sees it; a committing batch
 * waits for nothing, so batches never deadlock each other. Not pipelined, the writers run whole
 * batches side by side.
 */
@Singleton
public class GroupCommitWriter implements AttendanceWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One check-in (with its session) or check-out waiting for its commit; done with its outcome. */
    private record Write(AttendanceEvent event, OpenSession session, CompletableFuture<WriteOutcome> done) {

        boolean isCheckOut() {
            return session == null;
        }

        /** Each write is itself (a record would hash every field of its event per map lookup). */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final CheckStore store;
    private final DataSource dataSource;
    private final int maxBatch;
    private final Duration timeout;
    private final BlockingQueue<Write> queue;
    private final List<Thread> writers = new ArrayList<>();
    /** Held by the writer taking a batch and running its statements (pipelined only). */
    private final ReentrantLock turn;
    private volatile boolean closed;
    private volatile GroupCommitMetrics metrics = GroupCommitMetrics.NONE;

    public GroupCommitWriter(CheckStore store, DataSource dataSource,
                             @Value("${jeda.attendance.group-commit.max-batch:64}") int maxBatch,
                             @Value("${jeda.attendance.group-commit.writers:2}") int writerCount,
                             @Value("${jeda.attendance.group-commit.queue-capacity:4096}") int queueCapacity,
                             @Value("${jeda.attendance.group-commit.timeout:5s}") Duration timeout,
                             @Value("${jeda.attendance.group-commit.pipelined:true}") boolean pipelined) {
        this.store = store;
        this.turn = pipelined ? new ReentrantLock() : null;
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

    /** The writer's meters (queue depth, batch sizes, deadlocks, fallbacks, refusals). */
    @Inject
    void metrics(GroupCommitMetrics metrics) {
        this.metrics = metrics;
        metrics.bindQueue(queue::size, queue.size() + queue.remainingCapacity());
    }

    @Override
    public WriteOutcome checkIn(AttendanceEvent event, OpenSession session) {
        if (writers.isEmpty()) {
            return store.checkIn(event, session);
        }
        return await(new Write(event, session, new CompletableFuture<>()));
    }

    @Override
    public WriteOutcome checkOut(AttendanceEvent event) {
        if (writers.isEmpty()) {
            return store.checkOut(event);
        }
        return await(new Write(event, null, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<WriteOutcome> checkInLater(AttendanceEvent event, OpenSession session) {
        if (writers.isEmpty()) {
            NoWaiting.check();
            return CompletableFuture.completedFuture(store.checkIn(event, session));
        }
        return submit(new Write(event, session, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<WriteOutcome> checkOutLater(AttendanceEvent event) {
        if (writers.isEmpty()) {
            NoWaiting.check();
            return CompletableFuture.completedFuture(store.checkOut(event));
        }
        return submit(new Write(event, null, new CompletableFuture<>()));
    }

    /**
     * Queues the write and answers with its outcome, or (not confirmed within the timeout) with
     * WRITE_TIMEOUT. The timeout completes the write's own future, so a writer that has not taken
     * it yet skips it; one that has may still commit it, and a retry with the same key gets its
     * result.
     */
    private CompletableFuture<WriteOutcome> submit(Write w) {
        if (closed) {
            metrics.refused(Reason.WRITER_STOPPED);
            return CompletableFuture.completedFuture(new Refused(Reason.WRITER_STOPPED));
        }
        if (!queue.offer(w)) {
            metrics.refused(Reason.WRITE_QUEUE_FULL);
            return CompletableFuture.completedFuture(new Refused(Reason.WRITE_QUEUE_FULL));
        }
        return w.done().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> {
            if (e instanceof TimeoutException) {
                metrics.refused(Reason.WRITE_TIMEOUT);
                return new Refused(Reason.WRITE_TIMEOUT);
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        });
    }

    /** {@link #submit}, waited for on the calling thread. */
    private WriteOutcome await(Write w) {
        CompletableFuture<WriteOutcome> outcome = submit(w);
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            w.done().cancel(false);
            Thread.currentThread().interrupt();
            return new Refused(Reason.WRITER_STOPPED);
        }
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
            boolean myTurn = false;
            try {
                if (turn != null) {
                    turn.lockInterruptibly();
                    myTurn = true;
                }
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (myTurn) {
                        turn.unlock();
                    }
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
                    connection = write(batch, connection, myTurn);
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
                if (myTurn && turn.isHeldByCurrentThread()) {
                    turn.unlock();
                }
                batch.clear();
            }
        }
    }

    /**
     * Writes the batch in one transaction; if that fails, rolls it back and writes each request in
     * its own transaction so each gets its own outcome. A second request of an officer already in
     * the batch is written on its own after it, in arrival order.
     *
     * Holding the turn, gives it up once the batch's statements have run (before the commit), or
     * before anything is written one by one.
     *
     * @return the connection to keep for the next batch (null when it was given back)
     */
    private Connection write(List<Write> batch, Connection connection, boolean myTurn) {
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
                // Every statement here finds rows by key; no gap locks are needed to stay correct,
                // and a key that conflicts belongs to a committed row that a later read sees.
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            Map<Write, WriteOutcome> outcomes;
            metrics.batch(together.size());
            Runnable statementsDone = myTurn ? turn::unlock : () -> { };
            try {
                outcomes = writeTogether(connection, together, statementsDone);
            } catch (SQLException e) {
                if (!SqlFailures.isDeadlock(e) || (myTurn && !turn.isHeldByCurrentThread())) {
                    throw e;
                }
                metrics.deadlock();
                LOG.debug("batch of {} writes deadlocked; trying it again once", together.size());
                outcomes = writeTogether(connection, together, statementsDone);
            }
            outcomes.forEach((w, outcome) -> w.done().complete(outcome));
        } catch (SQLException | RuntimeException e) {
            metrics.fallback();
            LOG.debug("batch of {} writes failed, writing them one by one: {}", together.size(), e.getMessage());
            connection = release(connection);
            after.addAll(0, together);
        } finally {
            if (myTurn && turn.isHeldByCurrentThread()) {
                turn.unlock();
            }
        }
        for (Write w : after) {
            try {
                w.done().complete(w.isCheckOut() ? store.checkOut(w.event()) : store.checkIn(w.event(), w.session()));
            } catch (RuntimeException e) {
                w.done().completeExceptionally(e);
            }
        }
        return connection;
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
     * with no open session, or one earlier than its check-in, is decided on its own without failing
     * the others; a conflict the database finds (a retried key, a second check-in) fails the batch.
     *
     * @param statementsDone run once every statement has run, before the commit
     * @return per write, its outcome, valid once this returns (committed)
     */
    private static Map<Write, WriteOutcome> writeTogether(Connection c, List<Write> batch, Runnable statementsDone)
            throws SQLException {
        Map<Write, WriteOutcome> outcomes = new LinkedHashMap<>();
        try {
            List<String> checkingOut = new ArrayList<>();
            for (Write w : batch) {
                if (w.isCheckOut()) {
                    checkingOut.add(w.event().officerNip());
                }
            }
            Map<String, EventRows.Open> open = EventRows.lockSessions(c, checkingOut);
            List<AttendanceEvent> events = new ArrayList<>(batch.size());
            List<String> closing = new ArrayList<>(checkingOut.size());
            List<OpenSession> opening = new ArrayList<>(batch.size() - checkingOut.size());
            for (Write w : batch) {
                AttendanceEvent stored = w.event();
                if (w.isCheckOut()) {
                    EventRows.Open o = open.get(stored.officerNip());
                    Optional<Refused> refusal = o == null ? Optional.of(new Refused(Reason.NOT_CHECKED_IN))
                            : stored.refusalToClose(o.checkInId(), o.since());
                    if (refusal.isPresent()) {
                        outcomes.put(w, CheckStore.refusedUnlessRetried(c, stored, refusal.get()));
                        continue;
                    }
                    stored = stored.closing(o.checkInId());
                    closing.add(stored.officerNip());
                } else {
                    opening.add(w.session());
                }
                outcomes.put(w, new Stored(stored));
                events.add(stored);
            }
            EventRows.insertEvents(c, events);
            // The sessions are locked by this transaction: each is still there to delete.
            int deleted = EventRows.deleteSessions(c, closing);
            if (deleted != closing.size()) {
                throw new SQLException("closed " + deleted + " of " + closing.size() + " locked sessions");
            }
            EventRows.insertSessions(c, opening);
            statementsDone.run();
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
            left.done().complete(new Refused(Reason.WRITER_STOPPED));
        }
    }
}
