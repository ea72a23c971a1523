package io.jeda.gateway;

import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an outage of policy-service the gateway's answers are whole again within seconds of the
 * service being back, however long the outage was: the channel's reconnect back-off (up to two
 * minutes in gRPC) does not keep the gateway degraded.
 */
class ServiceRecoveryTest extends GatewayTestBase {

    /** Long enough for gRPC's reconnect back-off (1 s, x1.6 each failure) to grow past 10 s. */
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);

    private Reachability ask() {
        // No cache answers in place of policy-service: every question reaches the channel.
        policyClient.invalidateAll();
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + FakePolicyService.OFFICER)
                        .setUrgency(Urgency.URGENCY_URGENT).build());
    }

    @AfterEach
    void policyServiceIsBack() {
        POLICY.stop();
        POLICY.start();
    }

    @Test
    void answersAreWholeAgainWithinSecondsOfPolicyServiceComingBack() throws InterruptedException {
        assertFalse(ask().getDegraded(), "whole before the outage");

        POLICY.stop();
        long downUntil = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < downUntil) {
            Reachability r = ask();
            assertTrue(r.getDegradedSourcesList().contains("policy-service"), r.toString());
            Thread.sleep(250);
        }

        POLICY.start();
        long back = System.nanoTime();
        Reachability r = ask();
        while (r.getDegraded() && System.nanoTime() - back < Duration.ofSeconds(90).toNanos()) {
            Thread.sleep(100);
            r = ask();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - back);
        assertFalse(r.getDegraded(), "still degraded 90 s after policy-service came back");
        assertTrue(took.compareTo(RECOVERY_LIMIT) <= 0, "whole again only after " + took.toMillis() + " ms");
        System.out.println("recovered " + took.toMillis() + " ms after policy-service was back");
    }
}
