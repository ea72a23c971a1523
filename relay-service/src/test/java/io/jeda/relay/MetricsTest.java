package io.jeda.relay;

import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.testing.Prometheus;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management port, as Prometheus and the kubelet use it: the relay series move as messages are
 * held, delivered, escalated and their events sent, retried and dead-lettered; {@code /health} is UP.
 */
class MetricsTest extends RelayTestBase {

    @Inject
    EmbeddedServer management;

    private String scrape() {
        return Prometheus.scrape(management.getPort());
    }

    private double delta(String before, String after, String name, String... labels) {
        return Prometheus.sample(after, name, labels) - Prometheus.sample(before, name, labels);
    }

    @Test
    void heldDeliveredAndEscalatedMessagesAndTheLeaseBacklogAreCounted() {
        Webhook hook = registerReceiver();
        Instant morning = clock.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        GATEWAY.notReachable(NIP, morning, morning.plus(Duration.ofHours(8)), null);
        String before = scrape();
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Jalan rusak").setWebhook(hook.getName()).build());
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Lampu mati").setWebhook(hook.getName()).build());
        String held = scrape();
        assertEquals(2, Prometheus.sample(held, "jeda_relay_messages_held"), 0.0, held);
        assertEquals(0, Prometheus.sample(held, "jeda_relay_lease_backlog", "queue=\"delivery\""), 0.0, "not due at night");

        clock.advance(Duration.between(clock.now(), morning).plusSeconds(1));
        String due = scrape();
        assertEquals(2, Prometheus.sample(due, "jeda_relay_lease_backlog", "queue=\"delivery\""), 0.0, due);
        worker("a").runOnce();
        String delivered = scrape();
        assertEquals(0, Prometheus.sample(delivered, "jeda_relay_messages_held"), 0.0, delivered);
        assertEquals(0, Prometheus.sample(delivered, "jeda_relay_lease_backlog", "queue=\"delivery\""), 0.0);
        assertEquals(2, delta(before, delivered, "jeda_relay_messages_delivered_total"), 0.0, delivered);
        assertEquals(1, Prometheus.sample(delivered, "jeda_relay_lease_backlog", "queue=\"send\""), 0.0, "one digest to send");
        sender("a").runOnce();
        String sent = scrape();
        assertEquals(1, delta(before, sent, "jeda_relay_send_attempts_total", "channel=\"webhook\""), 0.0, sent);
        assertEquals(0, delta(before, sent, "jeda_relay_send_failures_total", "channel=\"webhook\""), 0.0, sent);

        GATEWAY.notReachable(OTHER_NIP, morning.plus(Duration.ofDays(1)), clock.now().plus(Duration.ofMinutes(15)),
                ON_CALL_NIP);
        agency().submitMessage(message(OTHER_NIP, Urgency.URGENCY_EMERGENCY, "Banjir").build());
        worker("a").runOnce();
        clock.advance(Duration.ofMinutes(6));
        worker("a").runOnce();
        String escalated = scrape();
        assertEquals(3, delta(before, escalated, "jeda_relay_messages_delivered_total"), 0.0, escalated);
        assertEquals(1, delta(before, escalated, "jeda_relay_messages_escalated_total"), 0.0, escalated);
    }

    @Test
    void failedSendsAndDeadLettersAreCounted() {
        Webhook hook = registerReceiver();
        receiver.answer(500);
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        String before = scrape();
        agency().submitMessage(message(NIP, Urgency.URGENCY_URGENT, "Server down").setWebhook(hook.getName()).build());
        worker("a").runOnce();
        for (int i = 0; i < 3; i++) {
            sender("a").runOnce();
            clock.advance(Duration.ofMinutes(2));
        }
        String after = scrape();
        assertEquals(3, delta(before, after, "jeda_relay_send_attempts_total", "channel=\"webhook\""), 0.0, after);
        assertEquals(3, delta(before, after, "jeda_relay_send_failures_total", "channel=\"webhook\""), 0.0, after);
        assertEquals(1, delta(before, after, "jeda_relay_dead_lettered_total", "channel=\"webhook\""), 0.0, after);
        assertEquals(1, Prometheus.sample(after, "jeda_relay_dead_letters"), 0.0, after);
    }

    @Test
    void everySeriesTheAlertsAndTheDashboardUseIsExported() {
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Surat").build());
        String s = scrape();
        assertTrue(Prometheus.sample(s, "jeda_grpc_server_requests_seconds_count",
                "method=\"jeda.relay.v1.MessageService/SubmitMessage\"") >= 1, s);
        Prometheus.assertExportsListedSeries("relay-service", s);
    }

    /** What the Kubernetes probes ask (k8s/base/relay-service.yaml), on the management port. */
    @Test
    void livenessIsUpForTheProbes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management.getPort() + "/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management.getPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }
}
