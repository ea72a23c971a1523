package io.jeda.gateway;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import jakarta.inject.Inject;
import io.grpc.stub.MetadataUtils;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenTelemetry trace context across the services: a caller's W3C {@code traceparent} (gRPC metadata
 * or HTTP header) continues as the same trace in the calls the gateway makes to policy-service and
 * attendance-service for that answer, and a call without one starts a trace that both see.
 */
class TracingTest extends GatewayTestBase {

    private static final String AT = "2026-11-25T03:00:00Z";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";
    private static final Metadata.Key<String> KEY = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    @BeforeEach
    void forget() {
        FakeCallers.TRACEPARENTS.clear();
    }

    private static void allOfTrace(String trace) {
        List<String> seen = List.copyOf(FakeCallers.TRACEPARENTS);
        assertFalse(seen.isEmpty(), "no call reached the services");
        assertTrue(seen.stream().allMatch(t -> t.startsWith("00-" + trace + "-")),
                "the services got " + seen + ", expected trace " + trace);
    }

    @Inject
    GrpcEmbeddedServer grpcServer;

    @Test
    void aGrpcCallersTraceContinuesIntoBothServices() {
        Metadata sent = new Metadata();
        sent.put(KEY, TRACEPARENT);
        // A plain channel: the test context's own channels carry a trace of their own.
        ManagedChannel plain = NettyChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
        try {
            ReachabilityServiceGrpc.newBlockingStub(plain).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(sent))
                    .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                            .setUrgency(Urgency.URGENCY_URGENT).setTime(ReachabilityGrpcTest.ts(AT)).build());
        } finally {
            plain.shutdownNow();
        }
        allOfTrace(TRACE);
        assertFalse(FakeCallers.TRACEPARENTS.contains(TRACEPARENT), "the gateway's own client span is the parent");
    }

    @Test
    void aRestCallersTraceContinuesIntoBothServices() {
        http.toBlocking().exchange(HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=" + AT)
                .bearerAuth(Tokens.token("desk-1", Role.AGENCY)).header("traceparent", TRACEPARENT), String.class);
        allOfTrace(TRACE);
    }

    @Test
    void aCallWithoutTraceStartsOneThatTheServicesShare() {
        ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_URGENT).setTime(ReachabilityGrpcTest.ts(AT)).build());
        String first = FakeCallers.TRACEPARENTS.get(0);
        assertTrue(first.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), first);
        allOfTrace(first.substring(3, 35));
    }
}
