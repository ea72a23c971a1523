package io.jeda.gateway.audit;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends every reachability answer to the audit table without putting a database write on the
 * answer's hot path: answers go into a bounded in-memory queue that a background thread drains in
 * batches.
 *
 * <p>Durability, chosen deliberately: an answer is audited within about one flush interval. A
 * graceful shutdown flushes the queue; a crash (kill -9, power loss) loses what is still queued, at
 * most {@code queue-capacity} rows and normally one interval's worth. When the queue is full the
 * caller writes its rows itself (back-pressure instead of loss). With {@code jeda.gateway.audit.mode:
 * sync} every answer is written before it is returned. A batch the database refuses is logged with
 * its size and dropped, so that a broken database cannot stall answers.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final BlockingQueue<AuditEntry> queue;
    private final boolean sync;
    private final int batchSize;
    private final Duration flushInterval;
    private final Object writeLock = new Object();
    private final Thread drainer;
    private volatile boolean running = true;

    public AuditLog(AuditRepository repository,
                    @Value("${jeda.gateway.audit.mode:async}") String mode,
                    @Value("${jeda.gateway.audit.queue-capacity:10000}") int capacity,
                    @Value("${jeda.gateway.audit.batch-size:500}") int batchSize,
                    @Value("${jeda.gateway.audit.flush-interval:200ms}") Duration flushInterval) {
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sync = "sync".equalsIgnoreCase(mode);
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.drainer = new Thread(this::drainLoop, "audit-drainer");
        this.drainer.setDaemon(true);
        if (!sync) {
            drainer.start();
        }
    }

    /** Records answers; returns at once in async mode. */
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

    /** Writes everything queued so far; readers of the log call it so that they see their own past asks. */
    public void flush() {
        List<AuditEntry> batch = new ArrayList<>();
        while (queue.drainTo(batch, batchSize) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void drainLoop() {
        while (running) {
            try {
                AuditEntry first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<AuditEntry> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("audit drainer failed; continuing", e);
            }
        }
    }

    private void write(List<AuditEntry> batch) {
        synchronized (writeLock) {
            try {
                repository.saveAll(batch);
            } catch (RuntimeException e) {
                LOG.error("could not write {} audit rows; they are lost", batch.size(), e);
            }
        }
    }

    @PreDestroy
    void close() {
        // No interrupt: it could break a JDBC write half-way. The drainer notices within one interval.
        running = false;
        try {
            drainer.join(flushInterval.toMillis() * 2 + TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
