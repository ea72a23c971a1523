package io.jeda.gateway.client;

import io.grpc.StatusRuntimeException;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.gateway.PeopleSettings;
import io.jeda.policy.v1.GetRosterRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.grpc.ManagedChannel;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A roster and its run of on-call slots from policy-service, for the roster's calendar feed: read
 * with the gateway's own SERVICE identity (a calendar app presents only the feed's secret URL), with
 * the forward deadline; a failure is the {@link io.jeda.common.error.JedaException} policy-service sent.
 */
@Singleton
public class RosterCalendarSource {

    private final RosterServiceGrpc.RosterServiceBlockingStub rosters;
    private final PeopleSettings settings;

    public RosterCalendarSource(@GrpcChannel("policy") ManagedChannel policy, ServiceIdentity identity,
                                PeopleSettings settings) {
        this.rosters = RosterServiceGrpc.newBlockingStub(policy).withCallCredentials(identity);
        this.settings = settings;
    }

    public Roster roster(String rosterId) {
        return call(() -> stub().getRoster(GetRosterRequest.newBuilder().setName("rosters/" + rosterId).build()));
    }

    /** The slot in force at {@code from} and the following ones, at most {@code count} (policy allows 100). */
    public List<OnCallSlot> slots(String rosterId, Instant from, int count) {
        return call(() -> stub().listOnCallSlots(ListOnCallSlotsRequest.newBuilder().setParent("rosters/" + rosterId)
                .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(from.getEpochSecond()))
                .setPageSize(count).build()).getSlotsList());
    }

    private RosterServiceGrpc.RosterServiceBlockingStub stub() {
        return rosters.withDeadlineAfter(settings.forwardDeadline().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static <T> T call(java.util.function.Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw DownstreamErrors.of(Forwarder.POLICY, e);
        }
    }
}
