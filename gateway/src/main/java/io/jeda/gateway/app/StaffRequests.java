package io.jeda.gateway.app;

import com.google.protobuf.InvalidProtocolBufferException;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.RosterName;
import io.jeda.gateway.client.AdminForwarder;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.policy.v1.AcceptStaffRequestRequest;
import io.jeda.policy.v1.ApproveStaffRequestRequest;
import io.jeda.policy.v1.CancelStaffRequestRequest;
import io.jeda.policy.v1.CreateStaffRequestRequest;
import io.jeda.policy.v1.DeclineStaffRequestRequest;
import io.jeda.policy.v1.ListStaffRequestsRequest;
import io.jeda.policy.v1.ListStaffRequestsResponse;
import io.jeda.policy.v1.RejectStaffRequestRequest;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestKind;
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import io.jeda.policy.v1.StaffRequestState;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Leave, travel and on-call swap requests through the gateway: an officer asks, lists, cancels, and
 * accepts or declines a swap proposed to them; a manager lists their reports' requests and decides.
 * Every call is forwarded with the caller's own token, so policy-service checks who may do what.
 * A request that comes out APPROVED (an approval, or a swap accepted on a roster that needs no
 * manager) changed the officer's days or the roster's turns: the gateway forgets what it cached of
 * them at once, on REST and on the gRPC pass-through alike, so reachability answers follow.
 */
@Singleton
public class StaffRequests {

    private static final Logger LOG = LoggerFactory.getLogger(StaffRequests.class);
    /** The methods whose answer may be an APPROVED request. */
    private static final Set<String> DECIDING = Set.of("ApproveStaffRequest", "AcceptStaffRequest");

    private final AdminForwarder forward;
    private final PolicyClient policy;

    public StaffRequests(AdminForwarder forward, PolicyClient policy) {
        this.forward = forward;
        this.policy = policy;
    }

    public StaffRequest create(Person p, String idempotencyKey, StaffRequest body) {
        Access.person(p.caller());
        CreateStaffRequestRequest req = CreateStaffRequestRequest.newBuilder().setParent(p.officer())
                .setStaffRequest(body).setRequestId(idempotencyKey == null ? "" : idempotencyKey.trim()).build();
        return forward.unary(p.token(), StaffRequestServiceGrpc.getCreateStaffRequestMethod(), req);
    }

    /** The requests the officer made or is the counterpart of, newest first. */
    public ListStaffRequestsResponse mine(Person p, StaffRequestState state, int pageSize, String pageToken) {
        Access.person(p.caller());
        return list(p, p.officer(), state, pageSize, pageToken);
    }

    public StaffRequest cancel(Person p, String name) {
        Access.person(p.caller());
        return forward.unary(p.token(), StaffRequestServiceGrpc.getCancelStaffRequestMethod(),
                CancelStaffRequestRequest.newBuilder().setName(name).build());
    }

    public StaffRequest accept(Person p, String name) {
        Access.person(p.caller());
        return followed(forward.unary(p.token(), StaffRequestServiceGrpc.getAcceptStaffRequestMethod(),
                AcceptStaffRequestRequest.newBuilder().setName(name).build()));
    }

    public StaffRequest decline(Person p, String name, DeclineStaffRequestRequest body) {
        Access.person(p.caller());
        return forward.unary(p.token(), StaffRequestServiceGrpc.getDeclineStaffRequestMethod(),
                body.toBuilder().setName(name).build());
    }

    /** The requests of the manager's direct reports; by default those waiting for the manager. */
    public ListStaffRequestsResponse team(Person p, StaffRequestState state, int pageSize, String pageToken) {
        Access.manager(p.caller());
        return list(p, "officers/-", state, pageSize, pageToken);
    }

    public StaffRequest approve(Person p, String name) {
        Access.manager(p.caller());
        return followed(forward.unary(p.token(), StaffRequestServiceGrpc.getApproveStaffRequestMethod(),
                ApproveStaffRequestRequest.newBuilder().setName(name).build()));
    }

    public StaffRequest reject(Person p, String name, RejectStaffRequestRequest body) {
        Access.manager(p.caller());
        return forward.unary(p.token(), StaffRequestServiceGrpc.getRejectStaffRequestMethod(),
                body.toBuilder().setName(name).build());
    }

    /**
     * The coming turns of a roster (the one in force now first, {@code turns} in all, 1 to 100), read
     * with the officer's own token: what an officer chooses from when proposing a swap.
     */
    public io.jeda.policy.v1.ListOnCallSlotsResponse turns(Person p, String roster, int turns, java.time.Instant now) {
        Access.person(p.caller());
        if (turns < 1 || turns > 100) {
            throw io.jeda.common.error.JedaException.invalidField("turns", "turns must be between 1 and 100");
        }
        return forward.unary(p.token(), io.jeda.policy.v1.RosterServiceGrpc.getListOnCallSlotsMethod(),
                io.jeda.policy.v1.ListOnCallSlotsRequest.newBuilder().setParent(roster)
                        .setTime(ReachabilityMapper.timestamp(now)).setPageSize(turns).build());
    }

    /** For the gRPC pass-through: an answer of a deciding method is followed like a REST one. */
    public void afterForwarded(String method, byte[] reply) {
        if (!DECIDING.contains(method)) {
            return;
        }
        try {
            followed(StaffRequest.parseFrom(reply));
        } catch (InvalidProtocolBufferException e) {
            LOG.warn("policy-service answered {} with bytes that are not a StaffRequest", method);
        }
    }

    /** Forgets the cached days and turns an approved request changed. */
    StaffRequest followed(StaffRequest r) {
        if (r.getState() != StaffRequestState.STAFF_REQUEST_STATE_APPROVED) {
            return r;
        }
        policy.forgetSchedules(OfficerName.parse(r.getOfficer(), "officer").nip());
        if (r.getKind() == StaffRequestKind.STAFF_REQUEST_KIND_ONCALL_SWAP) {
            if (!r.getCounterpart().isEmpty()) {
                policy.forgetSchedules(OfficerName.parse(r.getCounterpart(), "counterpart").nip());
            }
            if (!r.getRoster().isEmpty()) {
                policy.forgetSlots(RosterName.parse(r.getRoster(), "roster").rosterId());
            }
        }
        return r;
    }

    private ListStaffRequestsResponse list(Person p, String parent, StaffRequestState state, int pageSize,
                                           String pageToken) {
        return forward.unary(p.token(), StaffRequestServiceGrpc.getListStaffRequestsMethod(),
                ListStaffRequestsRequest.newBuilder().setParent(parent).setState(state).setPageSize(pageSize)
                        .setPageToken(pageToken).build());
    }
}
