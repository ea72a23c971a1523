package io.jeda.attendance.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs {@link Reconciliation} periodically; switched off in tests, which call it directly. */
@Singleton
@Requires(property = "jeda.attendance.reconciliation.enabled", notEquals = "false")
public class ReconciliationJob {

    private final Reconciliation reconciliation;

    public ReconciliationJob(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(fixedDelay = "${jeda.attendance.reconciliation.interval:1m}",
            initialDelay = "${jeda.attendance.reconciliation.initial-delay:1m}")
    void run() {
        reconciliation.catchUp();
    }
}
