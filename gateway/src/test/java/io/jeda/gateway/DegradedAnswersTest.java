package io.jeda.gateway;

import io.jeda.common.security.Role;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.ONCALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When policy-service stalls or fails the gateway still answers, within its deadline, marked
 * degraded and naming policy-service; it never hangs on the stall.
 */
class DegradedAnswersTest extends GatewayTestBase {

    private static final Duration STALL = Duration.ofSeconds(3);

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
    }

    private Reachability ask(String nip, Urgency u) {
        return agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + nip)
                .setUrgency(u).build());
    }

    @Test
    void slowPolicyServiceGivesADegradedAnswerWellBeforeTheStallEnds() {
        POLICY.stall = STALL;
        POLICY.mode = FaultMode.SLOW;

        long start = System.nanoTime();
        Reachability r = ask(OFFICER, Urgency.URGENCY_ROUTINE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertTrue(r.getDegraded());
        assertTrue(r.getDegradedSourcesList().contains("policy-service"), r.getDegradedSourcesList().toString());
        assertEquals(ReachabilityState.REACHABILITY_STATE_UNKNOWN, r.getState());
        assertFalse(r.getReachable(), "without a schedule ROUTINE must not intrude");
    }

    @Test
    void slowPolicyServiceDuringABatchCostsOneDeadlineNotOnePerOfficer() {
        POLICY.stall = STALL;
        POLICY.mode = FaultMode.SLOW;

        long start = System.nanoTime();
        BatchGetReachabilityResponse r = agency().batchGetReachability(BatchGetReachabilityRequest.newBuilder()
                .addOfficers("officers/" + OFFICER).addOfficers("officers/" + ONCALL)
                .addOfficers("officers/" + FakePolicyService.BACKUP).setUrgency(Urgency.URGENCY_URGENT).build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertEquals(3, r.getAnswersCount());
        r.getAnswersList().forEach(a -> assertTrue(a.getDegradedSourcesList().contains("policy-service")));
    }

    @Test
    void failingPolicyServiceGivesADegradedAnswer() {
        POLICY.mode = FaultMode.FAILING;

        Reachability r = ask(OFFICER, Urgency.URGENCY_EMERGENCY);

        assertTrue(r.getDegraded());
        // Without the officer's record the engine stops before asking attendance: only policy is named.
        assertEquals(List.of("policy-service"), r.getDegradedSourcesList());
        assertEquals(ReachabilityState.REACHABILITY_STATE_UNKNOWN, r.getState());
        assertFalse(r.getReachable());
    }

    @Test
    void cachedDataStillAnswersInFullWhilePolicyServiceFails() {
        Reachability healthy = ask(OFFICER, Urgency.URGENCY_EMERGENCY);
        POLICY.mode = FaultMode.FAILING;

        Reachability fromCache = ask(OFFICER, Urgency.URGENCY_EMERGENCY);

        assertEquals(healthy.getContactInstead().getOfficer(), fromCache.getContactInstead().getOfficer());
        assertEquals(List.of(), fromCache.getDegradedSourcesList());
        assertFalse(fromCache.getDegraded());
    }
}
