package io.jeda.gateway;

import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One request id from the caller to policy-service and attendance-service: taken from X-Request-Id
 * (REST) or x-request-id (gRPC), echoed back, and sent on with every call the gateway makes for it.
 */
class RequestIdTest extends GatewayTestBase {

    private static final String AGENCY = Tokens.token("desk-1", Role.AGENCY);
    /** Wednesday 10:00 WIB: inside working hours, so the gateway asks both services. */
    private static final String AT = "2026-11-25T03:00:00Z";
    private static final Metadata.Key<String> KEY = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static void allEqual(List<String> ids, String expected, String service) {
        assertFalse(ids.isEmpty(), service + " was not called");
        assertTrue(ids.stream().allMatch(expected::equals), service + " got " + ids + ", expected " + expected);
    }

    @Test
    void restCallerIdIsEchoedAndPassedToBothServices() {
        HttpResponse<String> r = http.toBlocking().exchange(
                HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                        .bearerAuth(AGENCY).header("X-Request-Id", "desk-1:req-42"), String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        assertEquals("desk-1:req-42", r.header("X-Request-Id"));
        allEqual(POLICY.requestIds, "desk-1:req-42", "policy-service");
        allEqual(ATTENDANCE.requestIds, "desk-1:req-42", "attendance-service");
    }

    @Test
    void restWithoutIdGetsANewOneThatTheServicesSeeToo() {
        HttpResponse<String> r = http.toBlocking().exchange(
                HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                        .bearerAuth(AGENCY), String.class);
        String id = r.header("X-Request-Id");
        assertNotNull(id);
        assertEquals(32, id.length());
        allEqual(POLICY.requestIds, id, "policy-service");

        POLICY.requestIds.clear();
        policyClient.invalidateAll();
        String second = http.toBlocking().exchange(
                HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                        .bearerAuth(AGENCY), String.class).header("X-Request-Id");
        assertNotEquals(id, second);
        allEqual(POLICY.requestIds, second, "policy-service");
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        HttpResponse<String> r = http.toBlocking().exchange(
                HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                        .bearerAuth(AGENCY).header("X-Request-Id", "a b\" level=ERROR"), String.class);
        String id = r.header("X-Request-Id");
        assertEquals(32, id.length(), id);
        allEqual(POLICY.requestIds, id, "policy-service");
    }

    @Test
    void refusedRestCallsAreEchoedToo() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT")
                        .header("X-Request-Id", "no-token-1"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("no-token-1", e.getResponse().header("X-Request-Id"));
    }

    @Test
    void grpcCallerIdIsEchoedAndPassedToBothServices() {
        Metadata sent = new Metadata();
        sent.put(KEY, "chatbot-7f3a");
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(sent),
                        MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_URGENT).setTime(ReachabilityGrpcTest.ts(AT)).build());

        assertEquals("chatbot-7f3a", headers.get().get(KEY));
        allEqual(POLICY.requestIds, "chatbot-7f3a", "policy-service");
        allEqual(ATTENDANCE.requestIds, "chatbot-7f3a", "attendance-service");
    }
}
