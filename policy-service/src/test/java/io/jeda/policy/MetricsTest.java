package io.jeda.policy;

import io.grpc.StatusRuntimeException;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Prometheus;
import io.jeda.testing.Tokens;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management port, as Prometheus and the kubelet use it: {@code /prometheus} without a token has
 * the gRPC latency per method and status and the database pool, and they move with calls;
 * {@code /health} answers UP.
 */
class MetricsTest extends PolicyTestBase {

    @Inject
    EmbeddedServer management;

    private String scrape() {
        return Prometheus.scrape(management.getPort());
    }

    @Test
    void grpcCallsAreTimedByMethodAndStatus() {
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            try {
                UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("admin", Role.ADMIN))
                        .getUnit(GetUnitRequest.newBuilder().setName("units/none").build());
            } catch (StatusRuntimeException expected) {
                // NOT_FOUND: timed all the same.
            }
        }
        String after = scrape();
        String count = "jeda_grpc_server_requests_seconds_count";
        String[] method = {"method=\"jeda.policy.v1.UnitService/GetUnit\"", "status=\"NOT_FOUND\""};
        assertEquals(3, Prometheus.sample(after, count, method) - Prometheus.sample(before, count, method), 0.0, after);
        assertTrue(Prometheus.sample(after, "jeda_grpc_server_requests_seconds_bucket", method) > 0, "no latency histogram");
    }

    @Test
    void databasePoolAndCertificateExpiryAreExported() {
        String s = scrape();
        assertTrue(Prometheus.has(s, "hikaricp_connections_max"), s);
        assertTrue(Prometheus.sample(s, "hikaricp_connections_max") > 0, s);
        assertTrue(Prometheus.has(s, "hikaricp_connections_active"), s);
        assertTrue(Prometheus.has(s, "hikaricp_connections_pending"), s);
        // Plaintext here: the gauge exists (for the expiry alert) and has no value.
        assertTrue(s.contains("jeda_tls_certificate_expiry_seconds NaN"), s);
    }

    @Test
    void everySeriesTheAlertsAndTheDashboardUseIsExported() {
        grpcCallsAreTimedByMethodAndStatus();
        Prometheus.assertExportsListedSeries("policy-service", scrape());
    }

    @Test
    void livenessIsUpForTheProbes() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + management.getPort() + "/health/liveness")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }

    @Test
    void healthIsUp() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + management.getPort() + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }
}
