package io.jeda.gateway;

import io.grpc.stub.StreamObserver;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question whose answer is in the gateway's caches is answered at once even while every call
 * thread waits for a slow policy-service: GetReachability starts on the transport thread, answers
 * cache hits there, and hands only the questions that need a read to the call pool
 * (JEDA_GATEWAY_HITS_ON_TRANSPORT). {@link HitsOnTransportOffTest} shows the same question queueing
 * behind the slow ones with the setting off.
 */
class HitsOnTransportTest extends GatewayTestBase {

    /** Questions about officers not in the caches, each holding a call thread for one policy deadline. */
    private static final int MISSES = 16;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.grpc.server.threads", "2", "jeda.gateway.hits-on-transport", String.valueOf(hitsOnTransport()));
    }

    boolean hitsOnTransport() {
        return true;
    }

    private GetReachabilityRequest question(String nip) {
        return GetReachabilityRequest.newBuilder().setOfficer("officers/" + nip).setUrgency(Urgency.URGENCY_ROUTINE).build();
    }

    /** Asks about a cached officer while the pool is full of misses; returns how long the answer took. */
    Duration cachedAnswerWhileThePoolWaits() throws Exception {
        ReachabilityServiceGrpc.ReachabilityServiceBlockingStub blocking = ReachabilityServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
        Reachability first = blocking.getReachability(question(OFFICER));
        assertEquals(first, blocking.getReachability(question(OFFICER)), "the second ask is answered from the caches");

        POLICY.stall = Duration.ofSeconds(2);
        POLICY.mode = FaultMode.LATE;
        CountDownLatch done = new CountDownLatch(MISSES);
        ReachabilityServiceGrpc.ReachabilityServiceStub async = ReachabilityServiceGrpc.newStub(channel)
                .withCallCredentials(Tokens.as("desk-2", Role.AGENCY));
        for (int i = 0; i < MISSES; i++) {
            async.getReachability(question(String.format("19800101200001%04d", 1100 + i)), new StreamObserver<>() {
                @Override
                public void onNext(Reachability value) {
                }

                @Override
                public void onError(Throwable t) {
                    done.countDown();
                }

                @Override
                public void onCompleted() {
                    done.countDown();
                }
            });
        }
        Thread.sleep(200);
        long start = System.nanoTime();
        Reachability again = blocking.getReachability(question(OFFICER));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(first, again, "the cached answer is the same answer");
        assertTrue(done.await(30, TimeUnit.SECONDS), "every slow question is answered in the end");
        return took;
    }

    @Test
    void aCachedAnswerDoesNotQueueBehindQuestionsWaitingForPolicyService() throws Exception {
        Duration took = cachedAnswerWhileThePoolWaits();
        assertTrue(took.compareTo(Duration.ofMillis(1000)) < 0,
                "a cache hit should not wait for the " + MISSES + " slow questions on 2 call threads, took " + took);
    }
}
