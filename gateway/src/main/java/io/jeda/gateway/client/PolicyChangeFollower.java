package io.jeda.gateway.client;

import io.grpc.ManagedChannel;
import io.jeda.common.changes.ChangeFeedFollower;
import io.jeda.common.security.ServiceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.annotation.PreDestroy;

import java.time.Duration;

/**
 * Keeps this gateway replica's policy caches right while other replicas (and other services) change
 * what policy-service holds: follows policy-service's change feed and drops the officer's cached
 * record and days, a unit's rosters and the days resolved through it, or everything. The caches'
 * expiries stay as the safety net.
 */
@Context
public class PolicyChangeFollower {

    private final ChangeFeedFollower follower;

    public PolicyChangeFollower(@GrpcChannel("policy") ManagedChannel channel, ServiceIdentity identity,
                                PolicyClient policy, @Nullable MeterRegistry registry,
                                @Value("${jeda.gateway.change-feed.enabled:true}") boolean enabled,
                                @Value("${jeda.grpc.client.reconnect-interval:1s}") Duration retry,
                                @Value("${jeda.gateway.change-feed.silence-timeout:15s}") Duration silence) {
        this.follower = new ChangeFeedFollower(channel, identity, new ChangeFeedFollower.Caches() {
            @Override
            public void officerChanged(String nip) {
                policy.forgetOfficer(nip);
            }

            @Override
            public void unitChanged(String unitId) {
                policy.forgetUnit(unitId);
            }

            @Override
            public void everythingChanged() {
                policy.forgetAll();
            }
        }, new ChangeFeedFollower.Settings(enabled, retry.isZero() || retry.isNegative() ? Duration.ofSeconds(1) : retry,
                silence), registry == null ? new SimpleMeterRegistry() : registry).start();
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
