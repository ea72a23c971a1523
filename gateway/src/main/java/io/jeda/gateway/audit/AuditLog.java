package io.jeda.gateway.audit;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Appends every reachability answer to the audit table without putting a database write on the
 * answer's hot path: answers go into a bounded in-memory queue that a background thread drains in
 * batches of at most {@code batch-size} rows, looking every {@code flush-interval} when idle.
 *
 * <p>Durability, chosen deliberately: an answer is audited within about one flush interval. A
 * graceful shutdown writes the queue; a crash (kill -9, power loss) loses what is still queued, at
 * most {@code queue-capacity} rows and normally one interval's worth. When the queue is full the
 * caller writes its rows itself (back-pressure instead of loss). With {@code jeda.gateway.audit.mode:
 * sync} every answer is written before it is returned. A batch the database refuses is logged with
 * its size and dropped, so that a broken database cannot stall answers.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** How often a waiting drainer looks whether the gateway is shutting down. */
    private static final long SHUTDOWN_CHECK_MS = 100;
    /** How long shutdown waits for the drainer's batch in flight before writing the rest itself. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    /** Writes one batch in one statement (see {@link AuditBatchWriter}). */
    private final Consumer<List<AuditEntry>> writer;
    private final BlockingQueue<AuditEntry> queue;
    private final boolean sync;
    private final int batchSize;
    private final Duration flushInterval;
    private final Thread drainer;
    private final ReentrantLock drainLock = new ReentrantLock();
    private volatile boolean running = true;

    @Inject
    public AuditLog(AuditBatchWriter writer,
                    @Value("${jeda.gateway.audit.mode:async}") String mode,
                    @Value("${jeda.gateway.audit.queue-capacity:10000}") int capacity,
                    @Value("${jeda.gateway.audit.batch-size:500}") int batchSize,
                    @Value("${jeda.gateway.audit.flush-interval:200ms}") Duration flushInterval) {
        this(writer::insert, mode, capacity, batchSize, flushInterval);
    }

    /** Writes through the repository, one row per statement; for tests that record what is written. */
    public AuditLog(AuditRepository repository, String mode, int capacity, int batchSize, Duration flushInterval) {
        this(repository::saveAll, mode, capacity, batchSize, flushInterval);
    }

    private AuditLog(Consumer<List<AuditEntry>> writer, String mode, int capacity, int batchSize,
                     Duration flushInterval) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sync = "sync".equalsIgnoreCase(mode);
        this.batchSize = Math.max(1, batchSize);
        this.flushInterval = flushInterval;
        this.drainer = new Thread(this::drainLoop, "audit-drainer");
        this.drainer.setDaemon(true);
        if (!sync) {
            drainer.start();
        }
    }

    /** Records answers; returns at once in async mode unless the queue is full. */
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (sync) {
            write(entries);
            return;
        }
        List<AuditEntry> overflow = null;
        for (AuditEntry e : entries) {
            if (!queue.offer(e)) {
                if (overflow == null) {
                    overflow = new ArrayList<>();
                }
                overflow.add(e);
            }
        }
        if (overflow != null) {
            write(overflow);
        }
    }

    /**
     * Writes everything appended before this call, including a batch the drainer is writing right
     * now; readers of the log call it so that they see the latest asks.
     */
    public void flush() {
        drainLock.lock();
        try {
            List<AuditEntry> batch = new ArrayList<>();
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch = new ArrayList<>();
            }
        } finally {
            drainLock.unlock();
        }
    }

    /**
     * Writes what accumulated, then sleeps one flush interval when there was nothing. Under load a
     * batch is whatever arrived during the previous write, so batches grow with the load and an
     * idle gateway writes a lone answer within one interval. Rows are taken from the queue and
     * written under one lock, so {@link #flush()} never misses a batch in flight.
     */
    private void drainLoop() {
        while (running) {
            try {
                boolean wrote;
                drainLock.lock();
                try {
                    List<AuditEntry> batch = new ArrayList<>();
                    queue.drainTo(batch, batchSize);
                    wrote = !batch.isEmpty();
                    if (wrote) {
                        write(batch);
                    }
                } finally {
                    drainLock.unlock();
                }
                if (!wrote) {
                    idle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("audit drainer failed; continuing", e);
            }
        }
    }

    private void idle() throws InterruptedException {
        long until = System.nanoTime() + flushInterval.toNanos();
        while (running && queue.isEmpty()) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, SHUTDOWN_CHECK_MS));
        }
    }

    private void write(List<AuditEntry> batch) {
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            LOG.error("could not write {} audit rows; they are lost", batch.size(), e);
        }
    }

    @PreDestroy
    void close() {
        // No interrupt: it could break a JDBC write half-way. The drainer notices within SHUTDOWN_CHECK_MS.
        running = false;
        try {
            drainer.join(SHUTDOWN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
