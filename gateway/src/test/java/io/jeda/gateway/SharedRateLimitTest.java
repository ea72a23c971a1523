package io.jeda.gateway;

import io.grpc.Status;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Role;
import io.jeda.gateway.security.RateLimiter;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits shared by every gateway replica through the real Redis at 127.0.0.1:6379: two replicas
 * give a client its burst once between them, not once each. With Redis unreachable a call is decided
 * at once, as the redis-failure setting says.
 */
class SharedRateLimitTest extends GatewayTestBase {

    private static final String REDIS = "redis://127.0.0.1:6379";
    /** A key prefix of this run, so runs never share buckets. */
    private static final String PREFIX = "jeda:test:" + UUID.randomUUID() + ":";
    private static final GetReachabilityRequest ASK = GetReachabilityRequest.newBuilder()
            .setOfficer("officers/" + FakePolicyService.OFFICER).setUrgency(Urgency.URGENCY_ROUTINE).build();

    @Inject
    RateLimiter limiter;
    @Inject
    Environment environment;

    private SecondGateway other;

    @Override
    protected Map<String, String> extraProperties() {
        // Four requests, then one every ~17 minutes.
        return Map.of(
                "jeda.gateway.rate-limits.redis-uri", REDIS,
                "jeda.gateway.rate-limits.redis-key-prefix", PREFIX,
                "jeda.gateway.rate-limits.clients.shared-desk.rate", "0.001",
                "jeda.gateway.rate-limits.clients.shared-desk.burst", "4");
    }

    @BeforeAll
    void startOtherReplica() {
        other = new SecondGateway(getProperties());
    }

    @AfterAll
    void stopOtherReplica() {
        other.close();
    }

    @Test
    void twoReplicasShareOneBudget() {
        ChangeFeedReplicasTest.await(Duration.ofSeconds(10), () -> limiter.sharedConnected()
                && other.bean(RateLimiter.class).sharedConnected(), "both replicas connected to Redis");
        var here = ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("shared-desk", Role.AGENCY));
        var there = ReachabilityServiceGrpc.newBlockingStub(other.channel)
                .withCallCredentials(Tokens.as("shared-desk", Role.AGENCY));

        here.getReachability(ASK);
        there.getReachability(ASK);
        here.getReachability(ASK);
        there.getReachability(ASK);

        // The burst of 4 is spent across both: each replica on its own would still allow 2 more.
        assertFails(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMITED", () -> there.getReachability(ASK));
        assertFails(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMITED", () -> here.getReachability(ASK));
        assertEquals(0, limiter.redisFailures());
    }

    private RateLimiter unreachableRedis(RateLimiter.Failure failure) {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RateLimiter(environment, true, 0.001, 2, 1000, Duration.ofMinutes(10),
                "redis://127.0.0.1:" + closedPort, Duration.ofMillis(100), Duration.ofSeconds(1), PREFIX, failure);
    }

    @Test
    void withRedisDownClosedRefusesAtOnce() {
        RateLimiter closed = unreachableRedis(RateLimiter.Failure.CLOSED);
        long t0 = System.nanoTime();
        JedaException e = assertThrows(JedaException.class, () -> closed.acquire("desk-x"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        closed.close();
        assertEquals("RATE_LIMIT_UNAVAILABLE", e.reason());
        assertTrue(ms < 500, "took " + ms + " ms");
    }

    @Test
    void withRedisDownLocalStillLimitsPerReplicaAndOpenLetsThrough() {
        RateLimiter local = unreachableRedis(RateLimiter.Failure.LOCAL);
        long t0 = System.nanoTime();
        local.acquire("desk-y");
        local.acquire("desk-y");
        JedaException e = assertThrows(JedaException.class, () -> local.acquire("desk-y"));
        assertEquals("RATE_LIMITED", e.reason());
        RateLimiter open = unreachableRedis(RateLimiter.Failure.OPEN);
        for (int i = 0; i < 5; i++) {
            open.acquire("desk-z");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        local.close();
        open.close();
        assertTrue(ms < 500, "took " + ms + " ms");
    }
}
