package io.jeda.attendance.client;

import io.grpc.ManagedChannel;
import io.jeda.common.changes.ChangeFeedFollower;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.annotation.PreDestroy;

import java.time.Duration;

/**
 * Keeps this replica's cached officers, units and days right when policy-service changes them:
 * follows policy-service's change feed and drops what each change touched. The caches' TTLs stay as
 * the safety net.
 */
@Context
public class PolicyChangeFollower {

    private final ChangeFeedFollower follower;

    public PolicyChangeFollower(@GrpcChannel("policy") ManagedChannel channel, GrpcPolicyDirectory directory,
                                @Nullable MeterRegistry registry,
                                @Value("${jeda.attendance.change-feed.enabled:true}") boolean enabled,
                                @Value("${jeda.grpc.client.reconnect-interval:1s}") Duration retry,
                                @Value("${jeda.attendance.change-feed.silence-timeout:15s}") Duration silence) {
        this.follower = new ChangeFeedFollower(channel, directory.identity(), new ChangeFeedFollower.Caches() {
            @Override
            public void officerChanged(String nip) {
                directory.forgetOfficer(nip);
            }

            @Override
            public void unitChanged(String unitId) {
                directory.forgetUnit(unitId);
            }

            @Override
            public void everythingChanged() {
                directory.invalidateAll();
            }
        }, new ChangeFeedFollower.Settings(enabled, retry.isZero() || retry.isNegative() ? Duration.ofSeconds(1) : retry,
                silence), registry == null ? new SimpleMeterRegistry() : registry).start();
    }

    /** The feed's follower, for tests. */
    public ChangeFeedFollower follower() {
        return follower;
    }

    @PreDestroy
    void close() {
        follower.close();
    }
}
