package io.jeda.gateway;

import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Prometheus;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /prometheus, as Prometheus scrapes it: no token, and the series the dashboards are built on. */
class MetricsTest extends GatewayTestBase {

    private static final String AGENCY = Tokens.token("desk-1", Role.AGENCY);
    private static final String AT = "2026-11-25T03:00:00Z";

    private String scrape() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        return r.body();
    }

    private static double sample(String scrape, String name, String... labels) {
        return Prometheus.sample(scrape, name, labels);
    }

    private Reachability grpc() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_URGENT).setTime(ReachabilityGrpcTest.ts(AT)).build());
    }

    private void rest() {
        http.toBlocking().exchange(HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                .bearerAuth(AGENCY), String.class);
    }

    @Test
    void requestRatesAndLatencyHistogramsForHttpAndGrpc() {
        String before = scrape();
        rest();
        rest();
        grpc();
        String after = scrape();

        String httpCount = "http_server_requests_seconds_count";
        String[] route = {"uri=\"/v1/officers/{nip}/reachability\"", "status=\"200\"", "method=\"GET\""};
        assertEquals(2, sample(after, httpCount, route) - sample(before, httpCount, route), 0.0, after);
        assertTrue(sample(after, "http_server_requests_seconds_bucket", route) > 0, "no HTTP latency histogram");

        String grpcCount = "jeda_grpc_server_requests_seconds_count";
        String[] method = {"method=\"jeda.gateway.v1.ReachabilityService/GetReachability\"", "status=\"OK\""};
        assertEquals(1, sample(after, grpcCount, method) - sample(before, grpcCount, method), 0.0, after);
        assertTrue(sample(after, "jeda_grpc_server_requests_seconds_bucket", method) > 0, "no gRPC latency histogram");
    }

    @Test
    void refusedGrpcCallsAreTimedWithTheirStatus() {
        String before = scrape();
        try {
            ReachabilityServiceGrpc.newBlockingStub(channel).getReachability(GetReachabilityRequest.newBuilder()
                    .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_URGENT).build());
        } catch (io.grpc.StatusRuntimeException expected) {
            assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, expected.getStatus().getCode());
        }
        String after = scrape();
        String[] method = {"method=\"jeda.gateway.v1.ReachabilityService/GetReachability\"", "status=\"UNAUTHENTICATED\""};
        String count = "jeda_grpc_server_requests_seconds_count";
        assertEquals(1, sample(after, count, method) - sample(before, count, method), 0.0, after);
    }

    @Test
    void cacheHitsAndMissesOfTheDownstreamClients() {
        String before = scrape();
        grpc();
        grpc();
        String after = scrape();

        String gets = "cache_gets_total";
        String[] officerHit = {"cache=\"policy.officers\"", "result=\"hit\""};
        String[] officerMiss = {"cache=\"policy.officers\"", "result=\"miss\""};
        assertTrue(sample(after, gets, officerMiss) - sample(before, gets, officerMiss) >= 1, after);
        assertTrue(sample(after, gets, officerHit) - sample(before, gets, officerHit) >= 1, after);
        String[] statusHit = {"cache=\"attendance.status\"", "result=\"hit\""};
        assertTrue(sample(after, gets, statusHit) - sample(before, gets, statusHit) >= 1, after);
    }

    @Test
    void degradedAnswersAndDownstreamErrorsBySource() {
        POLICY.mode = FaultMode.FAILING;
        String before = scrape();
        Reachability r = grpc();
        String after = scrape();
        assertTrue(r.getDegraded());

        String degraded = "jeda_reachability_degraded_total";
        assertEquals(1, sample(after, degraded, "source=\"policy-service\"")
                - sample(before, degraded, "source=\"policy-service\""), 0.0, after);
        assertEquals(0, sample(after, degraded, "source=\"attendance-service\"")
                - sample(before, degraded, "source=\"attendance-service\""), 0.0, after);

        String errors = "jeda_downstream_errors_total";
        String[] policyInternal = {"service=\"policy-service\"", "status=\"INTERNAL\""};
        assertTrue(sample(after, errors, policyInternal) - sample(before, errors, policyInternal) >= 1, after);
        assertEquals(0, sample(after, errors, "service=\"attendance-service\"")
                - sample(before, errors, "service=\"attendance-service\""), 0.0, after);
    }

    @Test
    void everySeriesTheAlertsAndTheDashboardUseIsExported() {
        rest();
        grpc();
        String s = scrape();
        Prometheus.assertExportsListedSeries("gateway", s);
        assertTrue(s.contains("jeda_tls_certificate_expiry_seconds NaN"), "plaintext here: the expiry gauge has no value");
    }
}
