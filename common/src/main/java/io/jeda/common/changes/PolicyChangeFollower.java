package io.jeda.common.changes;

import io.grpc.ManagedChannel;
import io.jeda.common.security.ServiceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.annotation.PreDestroy;

import java.time.Duration;

/**
 * Keeps this replica's policy caches right while other replicas (and other services) change what
 * policy-service holds: follows policy-service's change feed from startup and drops what each change
 * touched. A service that caches policy data declares one {@link Evictions} bean, saying what it
 * drops for an officer, a unit or everything; the caches' expiries stay as the safety net.
 * <p>
 * Settings: {@code jeda.change-feed.enabled}, {@code jeda.change-feed.silence-timeout} and
 * {@code jeda.grpc.client.reconnect-interval}.
 */
@Context
@Requires(beans = PolicyChangeFollower.Evictions.class)
public class PolicyChangeFollower {

    /** What one service drops on each change, and who it is towards policy-service. */
    public interface Evictions extends ChangeFeedFollower.Caches {

        /** The service's own SERVICE identity, which the feed requires. */
        ServiceIdentity identity();
    }

    private final ChangeFeedFollower follower;

    public PolicyChangeFollower(@GrpcChannel("policy") ManagedChannel channel, Evictions evictions,
                                @Nullable MeterRegistry registry,
                                @Value("${jeda.change-feed.enabled:true}") boolean enabled,
                                @Value("${jeda.grpc.client.reconnect-interval:1s}") Duration retry,
                                @Value("${jeda.change-feed.silence-timeout:15s}") Duration silence) {
        this.follower = new ChangeFeedFollower(channel, evictions.identity(), evictions,
                new ChangeFeedFollower.Settings(enabled, retry.isZero() || retry.isNegative() ? Duration.ofSeconds(1)
                        : retry, silence), registry == null ? new SimpleMeterRegistry() : registry).start();
    }

    /** The feed's follower, for tests and health. */
    public ChangeFeedFollower follower() {
        return follower;
    }

    @PreDestroy
    void close() {
        follower.close();
    }
}
