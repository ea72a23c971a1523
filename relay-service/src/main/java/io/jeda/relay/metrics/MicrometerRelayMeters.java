package io.jeda.relay.metrics;

import io.jeda.relay.app.RelayMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * relay-service's counters, per replica: {@code jeda_relay_messages_delivered_total},
 * {@code jeda_relay_messages_escalated_total}, {@code jeda_relay_send_attempts_total} and
 * {@code jeda_relay_send_failures_total} (label {@code channel}: webhook or email) and
 * {@code jeda_relay_dead_lettered_total} (label {@code channel}).
 */
@Singleton
public class MicrometerRelayMeters implements RelayMeters {

    private final Counter delivered;
    private final Counter escalated;
    private final Counter[] attempts;
    private final Counter[] failures;
    private final Counter[] dead;

    public MicrometerRelayMeters(MeterRegistry registry) {
        delivered = Counter.builder("jeda.relay.messages.delivered")
                .description("Messages delivered to their first handler (each message of a digest)").register(registry);
        escalated = Counter.builder("jeda.relay.messages.escalated")
                .description("Messages passed on to the next person after no acknowledgement").register(registry);
        attempts = byChannel(registry, "jeda.relay.send.attempts", "Sends tried to webhooks and email channels");
        failures = byChannel(registry, "jeda.relay.send.failures", "Sends not accepted (retried or dead-lettered)");
        dead = byChannel(registry, "jeda.relay.dead.lettered", "Events given up after their last attempt");
    }

    private static Counter[] byChannel(MeterRegistry registry, String name, String description) {
        return new Counter[] {
            Counter.builder(name).description(description).tag("channel", "webhook").register(registry),
            Counter.builder(name).description(description).tag("channel", "email").register(registry)};
    }

    @Override
    public void delivered(int messages) {
        delivered.increment(messages);
    }

    @Override
    public void escalated() {
        escalated.increment();
    }

    @Override
    public void attempt(boolean email, boolean failed) {
        attempts[email ? 1 : 0].increment();
        if (failed) {
            failures[email ? 1 : 0].increment();
        }
    }

    @Override
    public void deadLettered(boolean email) {
        dead[email ? 1 : 0].increment();
    }
}
