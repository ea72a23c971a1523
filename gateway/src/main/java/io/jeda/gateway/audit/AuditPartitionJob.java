package io.jeda.gateway.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Keeps the audit log's days partitioned ahead (and drops those past the retention) soon after
 * start and then periodically; every replica may run it (one at a time holds the table's lock).
 * Switched off in tests, which call {@link AuditPartitions} directly.
 */
@Singleton
@Requires(property = "jeda.gateway.audit.partitions.enabled", notEquals = "false")
public class AuditPartitionJob {

    private final AuditPartitions partitions;
    private final Clock clock;

    public AuditPartitionJob(AuditPartitions partitions, Clock clock) {
        this.partitions = partitions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${jeda.gateway.audit.partitions.interval:1h}",
            initialDelay = "${jeda.gateway.audit.partitions.initial-delay:30s}")
    void run() {
        if (partitions.partitioned()) {
            partitions.maintain(clock.instant());
        }
    }
}
