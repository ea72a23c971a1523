package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.WriteOutcome.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The group commit's meters (Prometheus names): {@code jeda_attendance_group_commit_batch_size}
 * (writes per transaction: count, sum, max and buckets), {@code jeda_attendance_group_commit_queue_depth}
 * and {@code _queue_capacity} (requests waiting for a writer, and the most that may),
 * {@code jeda_attendance_group_commit_deadlocks_total} (batches the database broke a deadlock in;
 * each is tried again once), {@code jeda_attendance_group_commit_fallbacks_total} (batches that
 * failed and were written one request at a time), and
 * {@code jeda_attendance_group_commit_refused_total{reason}} (WRITE_QUEUE_FULL, WRITE_TIMEOUT,
 * WRITER_STOPPED). Registered once; the writer thread only increments.
 */
@Singleton
public class GroupCommitMetrics {

    /** For a writer built without a registry (unit tests). */
    static final GroupCommitMetrics NONE = new GroupCommitMetrics(new SimpleMeterRegistry());

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Counter deadlocks;
    private final Counter fallbacks;
    private final Map<Reason, Counter> refused = new EnumMap<>(Reason.class);

    public GroupCommitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("jeda.attendance.group.commit.batch.size")
                .description("Check-ins and check-outs written in one transaction")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        this.deadlocks = Counter.builder("jeda.attendance.group.commit.deadlocks")
                .description("Group commit batches the database chose to break a deadlock in (tried again once)")
                .register(registry);
        this.fallbacks = Counter.builder("jeda.attendance.group.commit.fallbacks")
                .description("Group commit batches that failed and were written one request at a time")
                .register(registry);
        for (Reason r : new Reason[] {Reason.WRITE_QUEUE_FULL, Reason.WRITE_TIMEOUT, Reason.WRITER_STOPPED}) {
            refused.put(r, Counter.builder("jeda.attendance.group.commit.refused")
                    .description("Check-ins and check-outs the group commit refused without storing them")
                    .tag("reason", r.name()).register(registry));
        }
    }

    /** Publishes the queue's depth and capacity. */
    void bindQueue(IntSupplier depth, int capacity) {
        Gauge.builder("jeda.attendance.group.commit.queue.depth", depth, d -> d.getAsInt())
                .description("Check-ins and check-outs waiting for a group commit writer").register(registry);
        Gauge.builder("jeda.attendance.group.commit.queue.capacity", () -> capacity)
                .description("Most check-ins and check-outs that may wait; beyond it they are refused WRITE_QUEUE_FULL")
                .register(registry);
    }

    void batch(int size) {
        batchSize.record(size);
    }

    void deadlock() {
        deadlocks.increment();
    }

    void fallback() {
        fallbacks.increment();
    }

    void refused(Reason reason) {
        Counter c = refused.get(reason);
        if (c != null) {
            c.increment();
        }
    }
}
