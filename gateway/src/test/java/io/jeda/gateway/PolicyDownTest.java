package io.jeda.gateway;

import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** policy-service down: nothing listens where the gateway's policy channel points. */
class PolicyDownTest extends GatewayTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Map.of("grpc.channels.policy.address", "127.0.0.1:" + s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
    }

    @Test
    void answersDegradedAndQuicklyWhenPolicyServiceIsDown() {
        long start = System.nanoTime();
        Reachability r = agency().getReachability(GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + FakePolicyService.OFFICER).setUrgency(Urgency.URGENCY_URGENT).build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertTrue(r.getDegradedSourcesList().contains("policy-service"));
        assertEquals(ReachabilityState.REACHABILITY_STATE_UNKNOWN, r.getState());
    }

    @Test
    void unitListingCannotDegradeAndSaysUnavailable() {
        assertFails(Status.Code.UNAVAILABLE, "POLICY_UNAVAILABLE",
                () -> agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                        .setUrgency(Urgency.URGENCY_ROUTINE).build()));
    }
}
