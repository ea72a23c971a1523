package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.Verification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * {@code jeda_attendance_reconciliation_backlog}: check-ins and check-outs accepted while
 * policy-service did not answer and not checked again yet (POLICY_UNVERIFIED). Counted on the
 * database (an index on verification answers it) at most once per
 * {@code jeda.attendance.metrics.backlog-refresh}, whatever the scrape rate; NaN while the database
 * does not answer.
 */
@Singleton
public class ReconciliationBacklog implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationBacklog.class);

    private final AttendanceEventRepository events;
    private final MeterRegistry registry;
    private final long refreshNanos;
    private volatile long countedAt;
    private volatile double last = Double.NaN;
    private volatile boolean counted;

    public ReconciliationBacklog(AttendanceEventRepository events, MeterRegistry registry,
                                 @Value("${jeda.attendance.metrics.backlog-refresh:15s}") Duration refresh) {
        this.events = events;
        this.registry = registry;
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Gauge.builder("jeda.attendance.reconciliation.backlog", this, ReconciliationBacklog::value)
                .description("Events accepted while policy-service did not answer, waiting to be checked again")
                .register(registry);
    }

    synchronized double value() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= refreshNanos) {
            countedAt = now;
            counted = true;
            try {
                last = events.countByVerification(Verification.UNVERIFIED);
            } catch (RuntimeException e) {
                LOG.debug("reconciliation backlog not counted: {}", e.getMessage());
                last = Double.NaN;
            }
        }
        return last;
    }
}
