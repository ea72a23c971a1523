package io.jeda.relay.client;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.Budgeted;
import io.jeda.common.grpc.Outcome;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.RosterName;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.GetRosterRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.relay.domain.OnCall;
import io.jeda.relay.domain.RosterLookup;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads who is on call for a roster at an instant from policy-service, as this service,
 * within the policy deadline (the roster's name and the slot in force share it).
 */
@Singleton
public class PolicyRosters implements RosterLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRosters.class);

    private final RosterServiceGrpc.RosterServiceBlockingStub stub;
    private final Duration deadline;

    public PolicyRosters(@GrpcChannel("policy") ManagedChannel channel, TokenService tokens,
                         @Value("${jeda.relay.policy.deadline:500ms}") Duration deadline,
                         @Value("${jeda.relay.service-token-ttl:10m}") Duration tokenTtl) {
        this.stub = RosterServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new ServiceIdentity(tokens, "relay-service", tokenTtl));
        this.deadline = deadline;
    }

    @Override
    public Optional<OnCall> onCall(String rosterId, Instant now) {
        String name = RosterName.of(rosterId).toString();
        Deadline d = Deadline.after(deadline.toMillis(), TimeUnit.MILLISECONDS);
        Outcome<ListOnCallSlotsResponse> slots = Budgeted.call(d, "policy", dl -> stub.withDeadline(dl).listOnCallSlots(
                ListOnCallSlotsRequest.newBuilder().setParent(name).setPageSize(1)
                        .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond())).build()));
        if (slots instanceof Outcome.Failed<ListOnCallSlotsResponse> f) {
            if (f.kind() == ErrorKind.NOT_FOUND) {
                throw JedaException.of(ErrorKind.NOT_FOUND, "RECIPIENT_NOT_FOUND", "roster " + rosterId + " does not exist",
                        "recipient", name);
            }
            LOG.warn("on call of {} not known: {} {}", name, f.reason(), f.message());
            return Optional.empty();
        }
        OnCallSlot slot = slots.present().filter(r -> r.getSlotsCount() > 0).map(r -> r.getSlots(0))
                .filter(s -> !s.getPrimary().isEmpty()).orElseThrow(() -> JedaException.failedPrecondition(
                        "NOBODY_ON_CALL", "nobody is on call for " + name + " now", "recipient", name));
        // The function's name is for the reply only: without it in time, the roster's name stands in.
        String display = Budgeted.call(d, "policy", dl -> stub.withDeadline(dl).getRoster(
                GetRosterRequest.newBuilder().setName(name).build())).present().map(Roster::getDisplayName).orElse("");
        return Optional.of(new OnCall(rosterId, display, nip(slot.getPrimary()),
                slot.getBackup().isEmpty() ? null : nip(slot.getBackup())));
    }

    private static String nip(String officer) {
        return OfficerName.parse(officer, "officer").nip();
    }
}
