package io.jeda.relay.domain;

import io.jeda.common.webhooks.WebhookSignature;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DispatchTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    private static final Instant MORNING = Instant.parse("2026-12-04T00:30:00Z");
    private static final String OFFICER = "198503152010011001";
    private static final String ON_CALL = "199001012015032002";

    private static Reachability offDuty(Reachability instead) {
        return new Reachability(OFFICER, false, MORNING, MORNING.plus(Duration.ofHours(9)), instead,
                List.of("Outside working hours."), "Asia/Jakarta");
    }

    private static Reachability onCall() {
        return new Reachability(ON_CALL, true, null, NOW, null, List.of(), "Asia/Jakarta");
    }

    @Test
    void urgentWorkGoesToWhoeverIsReachableAndEscalatesAlongABoundedChain() {
        DeliveryPlan p = Dispatch.plan(OFFICER, Urgency.EMERGENCY, Optional.of(offDuty(onCall())), Optional.empty(), NOW, 3);
        assertEquals(ON_CALL, p.handler());
        assertEquals(NOW, p.deliverAt());
        assertEquals(List.of(ON_CALL, OFFICER), p.chain());
        assertFalse(p.handlerReason().isEmpty());
        assertEquals(List.of(ON_CALL), Dispatch.plan(OFFICER, Urgency.EMERGENCY, Optional.of(offDuty(onCall())), Optional.empty(), NOW, 1)
                .chain(), "never more people than the setting allows");
        DeliveryPlan urgent = Dispatch.plan(OFFICER, Urgency.URGENT, Optional.of(offDuty(onCall())), Optional.empty(), NOW, 3);
        assertEquals(List.of(ON_CALL), urgent.chain(), "URGENT does not wake the off-duty recipient");
    }

    @Test
    void theManagerComesLastAndOnlyForWorkThatEscalates() {
        String manager = "197512312000121003";
        assertEquals(List.of(ON_CALL, OFFICER, manager), Dispatch.plan(OFFICER, Urgency.EMERGENCY,
                Optional.of(offDuty(onCall())), Optional.of(manager), NOW, 4).chain());
        assertEquals(List.of(OFFICER), Dispatch.plan(OFFICER, Urgency.ROUTINE, Optional.of(offDuty(onCall())),
                Optional.of(manager), NOW, 4).chain());
    }

    @Test
    void urgentWorkWithNobodyReachableWaitsForTheRecipient() {
        DeliveryPlan p = Dispatch.plan(OFFICER, Urgency.URGENT, Optional.of(offDuty(null)), Optional.empty(), NOW, 3);
        assertEquals(OFFICER, p.handler());
        assertEquals(MORNING, p.deliverAt());
    }

    @Test
    void noAnswerIsDegradedWithoutATime() {
        DeliveryPlan p = Dispatch.plan(OFFICER, Urgency.ROUTINE, Optional.empty(), Optional.empty(), NOW, 3);
        assertTrue(p.degraded());
        assertNull(p.deliverAt());
        assertNull(p.handler());
    }

    @Test
    void theStandardWebhooksSignatureMatchesAKnownVector() {
        // The example of the Standard Webhooks specification (secret, id, timestamp, body -> signature).
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body));
    }

    @Test
    void backOffDoublesUpToItsCapAndStopsAfterTheLastAttempt() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 4);
        assertEquals(List.of(10L, 20L, 40L, 60L), List.of(b.after(1), b.after(2), b.after(3), b.after(4)).stream()
                .map(Duration::toSeconds).toList());
        assertFalse(b.exhausted(3));
        assertTrue(b.exhausted(4));
    }
}
