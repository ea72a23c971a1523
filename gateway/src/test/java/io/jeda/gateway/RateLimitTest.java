package io.jeda.gateway;

import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-client token buckets on gRPC and REST. */
class RateLimitTest extends GatewayTestBase {

    private static final GetReachabilityRequest ASK = GetReachabilityRequest.newBuilder()
            .setOfficer("officers/" + FakePolicyService.OFFICER).setUrgency(Urgency.URGENCY_ROUTINE).build();

    @Override
    protected Map<String, String> extraProperties() {
        // Two requests, then one every ~17 minutes: the third is refused for certain.
        return Map.of(
                "jeda.gateway.rate-limits.clients.greedy.rate", "0.001",
                "jeda.gateway.rate-limits.clients.greedy.burst", "2",
                "jeda.gateway.rate-limits.clients.greedy-rest.rate", "0.001",
                "jeda.gateway.rate-limits.clients.greedy-rest.burst", "2");
    }

    @Test
    void grpcCallerOverItsLimitIsToldWhenToRetry() {
        ReachabilityServiceGrpc.ReachabilityServiceBlockingStub greedy = ReachabilityServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as("greedy", Role.AGENCY));
        greedy.getReachability(ASK);
        greedy.getReachability(ASK);

        var e = assertFails(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMITED",
                () -> greedy.getReachability(ASK));
        long retryMs = Long.parseLong(e.metadata("retryAfterMs"));
        assertTrue(retryMs > 60_000, "retry after " + retryMs);

        // Another client is not affected by the greedy one.
        ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(ASK);
    }

    @Test
    void restCallerOverItsLimitGets429WithRetryAfter() {
        String token = Tokens.token("greedy-rest", Role.AGENCY);
        String uri = "/v1/officers/" + FakePolicyService.OFFICER + "/reachability?urgency=ROUTINE";
        http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class);
        http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class));

        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertTrue(Long.parseLong(e.getResponse().getHeaders().get("Retry-After")) > 60);
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"reason\":\"RATE_LIMITED\""));
    }
}
