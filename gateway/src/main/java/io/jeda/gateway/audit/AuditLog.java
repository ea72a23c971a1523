package io.jeda.gateway.audit;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * sync} every answer is written before it is returned.
 *
 * <p>A batch the database refuses goes to the local {@link AuditSpool} (a file per replica, fsync
 * per setting, bounded), and while entries wait there new ones go straight to it too (no database
 * timeout on every answer during an outage). Every {@code spool.replay-interval} the spool is
 * replayed into the database; the insert is idempotent on each entry's id, so nothing is written
 * twice. Only when the spool is full or unwritable is an entry lost: async mode counts it
 * ({@code jeda_audit_dropped_total}) and logs it; sync mode refuses the answer (UNAVAILABLE,
 * AUDIT_UNAVAILABLE), because there an answer that cannot be audited is not given.
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
    /** After a batch smaller than {@code batchSize}, how long the drainer lets the next one fill. */
    private final Duration linger;
    private final Thread drainer;
    private final ReentrantLock drainLock = new ReentrantLock();
    private volatile boolean running = true;
    /** Null without a spool (tests of the queue alone): a refused batch is then lost, as it is logged. */
    private final AuditSpool spool;
    private final ScheduledExecutorService replayer;

    @Inject
    public AuditLog(AuditBatchWriter writer,
                    @Value("${jeda.gateway.audit.mode:async}") String mode,
                    @Value("${jeda.gateway.audit.queue-capacity:10000}") int capacity,
                    @Value("${jeda.gateway.audit.batch-size:500}") int batchSize,
                    @Value("${jeda.gateway.audit.flush-interval:200ms}") Duration flushInterval,
                    @Value("${jeda.gateway.audit.spool.dir:.jeda/audit-spool}") String spoolDir,
                    @Value("${jeda.gateway.audit.spool.replica:}") String replica,
                    @Value("${jeda.gateway.audit.spool.max-bytes:256MB}") String maxBytes,
                    @Value("${jeda.gateway.audit.spool.fsync:always}") String fsync,
                    @Value("${jeda.gateway.audit.spool.replay-interval:2s}") Duration replayInterval,
                    @Value("${jeda.gateway.audit.linger:20ms}") Duration linger,
                    MeterRegistry registry) {
        this(writer::insert, mode, capacity, batchSize, flushInterval,
                new AuditSpool(Path.of(spoolDir), replica.isBlank() ? hostName() : replica,
                        bytes(maxBytes), fsync, registry),
                replayInterval, linger);
    }

    /** Writes through the repository, one row per statement; for tests that record what is written. */
    public AuditLog(AuditRepository repository, String mode, int capacity, int batchSize, Duration flushInterval) {
        this(repository::saveAll, mode, capacity, batchSize, flushInterval, null, Duration.ZERO);
    }

    /** Writes with {@code writer}, spooling what it refuses; for tests of the spool. */
    public AuditLog(Consumer<List<AuditEntry>> writer, String mode, int capacity, int batchSize,
                    Duration flushInterval, AuditSpool spool, Duration replayInterval) {
        this(writer, mode, capacity, batchSize, flushInterval, spool, replayInterval, Duration.ZERO);
    }

    /** As above, letting a partial batch fill for {@code linger} before the next write. */
    public AuditLog(Consumer<List<AuditEntry>> writer, String mode, int capacity, int batchSize,
                    Duration flushInterval, AuditSpool spool, Duration replayInterval, Duration linger) {
        this.writer = writer;
        this.linger = linger;
        this.spool = spool;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sync = "sync".equalsIgnoreCase(mode);
        this.batchSize = Math.max(1, batchSize);
        this.flushInterval = flushInterval;
        this.drainer = new Thread(this::drainLoop, "audit-drainer");
        this.drainer.setDaemon(true);
        if (!sync) {
            drainer.start();
        }
        if (spool != null && replayInterval.toMillis() > 0) {
            replayer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-spool-replay");
                t.setDaemon(true);
                return t;
            });
            replayer.scheduleWithFixedDelay(this::replay, 0, replayInterval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            replayer = null;
        }
    }

    /** Replays the spool into the database; it stays for the next round while the database refuses. */
    void replay() {
        if (spool == null || !spool.hasPending()) {
            return;
        }
        try {
            int n = spool.replay(writer, batchSize);
            if (n > 0) {
                LOG.info("replayed {} audit entries from the local spool", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("audit spool not replayed yet ({} entries wait): {}", spool.pendingEntries(), e.toString());
        }
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "gateway";
        }
    }

    /** "256MB", "64KB", "1GB" or a number of bytes. */
    static long bytes(String v) {
        String s = v.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1024;
        } else if (s.endsWith("MB")) {
            unit = 1024L * 1024;
        } else if (s.endsWith("GB")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 2).trim();
        } else if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return Long.parseLong(s) * unit;
    }

    /** Whether {@link #offer} can take entries: async mode, where the drainer writes them. */
    public boolean queues() {
        return !sync;
    }

    /**
     * Queues one entry for the drainer without ever waiting; false (nothing recorded) in sync mode or
     * when the queue is full, where {@link #append} writes the entry itself.
     */
    public boolean offer(AuditEntry entry) {
        return !sync && queue.offer(entry);
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
     * batch is whatever arrived during the previous write and the linger after it, so batches grow
     * with the load (each one a commit the database makes durable: at 15,000 answers a second
     * without a linger that was hundreds of small commits a second) and an idle gateway writes a
     * lone answer within one interval. Rows are taken from the queue and written under one lock,
     * so {@link #flush()} never misses a batch in flight.
     */
    private void drainLoop() {
        while (running) {
            try {
                int wrote;
                drainLock.lock();
                try {
                    List<AuditEntry> batch = new ArrayList<>();
                    queue.drainTo(batch, batchSize);
                    wrote = batch.size();
                    if (wrote > 0) {
                        write(batch);
                    }
                } finally {
                    drainLock.unlock();
                }
                if (wrote == 0) {
                    idle();
                } else if (wrote < batchSize) {
                    linger();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("audit drainer failed; continuing", e);
            }
        }
    }

    /** Lets the next batch fill up to {@code batchSize} rows or for {@code linger}, whichever is first. */
    private void linger() throws InterruptedException {
        long until = System.nanoTime() + linger.toNanos();
        while (running && queue.size() < batchSize) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)));
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
        if (spool != null && spool.hasPending()) {
            // The database refused recently and the spool is not replayed yet: no timeout per answer.
            toSpool(batch);
            return;
        }
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            if (spool == null) {
                LOG.error("could not write {} audit rows; they are lost", batch.size(), e);
                return;
            }
            LOG.warn("could not write {} audit rows; spooling them until the database is back: {}", batch.size(),
                    e.toString());
            toSpool(batch);
        }
    }

    private void toSpool(List<AuditEntry> batch) {
        if (spool.append(batch)) {
            return;
        }
        LOG.error("audit spool full or unwritable: {} audit rows {}", batch.size(),
                sync ? "refused with their answers" : "are lost");
        if (sync) {
            throw JedaException.of(ErrorKind.UNAVAILABLE, "AUDIT_UNAVAILABLE",
                    "the answer cannot be audited now (database and local spool unavailable); retry later");
        }
    }

    @PreDestroy
    void close() {
        if (replayer != null) {
            replayer.shutdownNow();
        }
        // No interrupt: it could break a JDBC write half-way. The drainer notices within SHUTDOWN_CHECK_MS.
        running = false;
        try {
            drainer.join(SHUTDOWN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        if (spool != null) {
            spool.close();
        }
    }
}
