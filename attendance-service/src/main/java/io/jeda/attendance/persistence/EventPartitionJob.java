package io.jeda.attendance.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Runs the events' partition maintenance periodically (every replica may: one at a time holds the
 * table's lock, the others skip their turn); switched off in tests, which call it directly.
 */
@Singleton
@Requires(property = "jeda.attendance.partitions.enabled", notEquals = "false")
public class EventPartitionJob {

    private final EventPartitions partitions;
    private final Clock clock;

    public EventPartitionJob(EventPartitions partitions, Clock clock) {
        this.partitions = partitions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${jeda.attendance.partitions.interval:1h}",
            initialDelay = "${jeda.attendance.partitions.initial-delay:30s}")
    void run() {
        partitions.maintain(clock.instant());
    }
}
