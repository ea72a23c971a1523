package io.jeda.relay.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The rule numbers of relay-service, from application.yml ({@code JEDA_RELAY_*}). */
@Singleton
public class RelaySettings {

    final int maxSubjectChars;
    final int maxTextChars;
    final Duration resolveRetry;
    final Duration ackUrgent;
    final Duration ackEmergency;
    final int maxChain;
    final Duration lease;
    final int batchSize;
    final Duration webhookTimeout;
    final Duration backoffFirst;
    final Duration backoffCap;
    final int maxAttempts;
    final Duration routineMaxLateness;

    public RelaySettings(@Value("${jeda.relay.max-subject-chars:200}") int maxSubjectChars,
                         @Value("${jeda.relay.max-text-chars:4000}") int maxTextChars,
                         @Value("${jeda.relay.gateway.retry:1m}") Duration resolveRetry,
                         @Value("${jeda.relay.ack-timeout.urgent:15m}") Duration ackUrgent,
                         @Value("${jeda.relay.ack-timeout.emergency:5m}") Duration ackEmergency,
                         @Value("${jeda.relay.escalation.max-people:4}") int maxChain,
                         @Value("${jeda.relay.worker.lease:30s}") Duration lease,
                         @Value("${jeda.relay.worker.batch-size:100}") int batchSize,
                         @Value("${jeda.relay.webhook.timeout:5s}") Duration webhookTimeout,
                         @Value("${jeda.relay.webhook.backoff-first:10s}") Duration backoffFirst,
                         @Value("${jeda.relay.webhook.backoff-max:1h}") Duration backoffCap,
                         @Value("${jeda.relay.webhook.max-attempts:8}") int maxAttempts,
                         @Value("${jeda.relay.worker.routine-max-lateness:5m}") Duration routineMaxLateness) {
        this.maxSubjectChars = maxSubjectChars;
        this.maxTextChars = maxTextChars;
        this.resolveRetry = resolveRetry;
        this.ackUrgent = ackUrgent;
        this.ackEmergency = ackEmergency;
        this.maxChain = maxChain;
        this.lease = lease;
        this.batchSize = batchSize;
        this.webhookTimeout = webhookTimeout;
        this.backoffFirst = backoffFirst;
        this.backoffCap = backoffCap;
        this.maxAttempts = maxAttempts;
        this.routineMaxLateness = routineMaxLateness;
    }

    public Duration webhookTimeout() {
        return webhookTimeout;
    }
}
