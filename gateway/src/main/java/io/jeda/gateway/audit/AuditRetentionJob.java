package io.jeda.gateway.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Runs {@link AuditRetention} periodically; switched off in tests, which call it directly. */
@Singleton
@Requires(property = "jeda.gateway.audit.retention.enabled", notEquals = "false")
public class AuditRetentionJob {

    private final AuditRetention retention;
    private final Clock clock;

    public AuditRetentionJob(AuditRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${jeda.gateway.audit.retention.interval:1h}",
            initialDelay = "${jeda.gateway.audit.retention.initial-delay:10m}")
    void run() {
        retention.purge(clock.instant());
    }
}
