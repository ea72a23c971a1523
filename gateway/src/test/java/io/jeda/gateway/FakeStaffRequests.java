package io.jeda.gateway;

import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.policy.v1.AcceptStaffRequestRequest;
import io.jeda.policy.v1.ApproveStaffRequestRequest;
import io.jeda.policy.v1.CancelStaffRequestRequest;
import io.jeda.policy.v1.CreateStaffRequestRequest;
import io.jeda.policy.v1.DeclineStaffRequestRequest;
import io.jeda.policy.v1.GetStaffRequestRequest;
import io.jeda.policy.v1.ListStaffRequestsRequest;
import io.jeda.policy.v1.ListStaffRequestsResponse;
import io.jeda.policy.v1.RejectStaffRequestRequest;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestKind;
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import io.jeda.policy.v1.StaffRequestState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * policy-service's request life cycle as the gateway sees it, with its access rules: the officer asks
 * (a retry with the same request_id gives the first request), the counterpart accepts a swap, the
 * direct manager (Budi for Siti) decides, and an approved leave puts the officer on leave in the
 * fake's schedules, as policy-service's absence would.
 */
public final class FakeStaffRequests extends StaffRequestServiceGrpc.StaffRequestServiceImplBase {

    private final FakePolicyService policy;
    private final Map<String, StaffRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeStaffRequests(FakePolicyService policy) {
        this.policy = policy;
    }

    void reset() {
        requests.clear();
        keys.clear();
    }

    /** Stores a request of {@code officer} in the given state; a swap names {@code counterpart}. Its id. */
    public String seed(String officer, String counterpart, StaffRequestState state) {
        String name = "staffRequests/r" + ids.incrementAndGet();
        StaffRequest.Builder b = StaffRequest.newBuilder().setName(name).setOfficer("officers/" + officer)
                .setState(state).setNeedsManagerApproval(true);
        if (counterpart == null) {
            b.setKind(StaffRequestKind.STAFF_REQUEST_KIND_LEAVE).setStartDate(FakePolicyService.date(LocalDate.of(2026, 12, 7)))
                    .setEndDate(FakePolicyService.date(LocalDate.of(2026, 12, 8)));
        } else {
            b.setKind(StaffRequestKind.STAFF_REQUEST_KIND_ONCALL_SWAP).setRoster("rosters/piket")
                    .setCounterpart("officers/" + counterpart).setNeedsManagerApproval(false);
        }
        requests.put(name, b.build());
        return name.substring("staffRequests/".length());
    }

    /** The stored request, as the service holds it now. */
    public StaffRequest get(String name) {
        return requests.get(name);
    }

    private static String managerOf(String nip) {
        return FakePolicyService.OFFICER.equals(nip) ? FakePolicyService.ONCALL : null;
    }

    private static String nip(String name) {
        return name.substring(name.indexOf('/') + 1);
    }

    private <T> void serve(StreamObserver<T> out, Supplier<T> work) {
        try {
            T v = work.get();
            out.onNext(v);
            out.onCompleted();
        } catch (JedaException e) {
            FakeCallers.fail(out, "policy-service", e);
        }
    }

    private StaffRequest request(String name) {
        StaffRequest r = requests.get(name);
        if (r == null) {
            throw JedaException.notFound("staff_request", name);
        }
        return r;
    }

    private static JedaException illegal(StaffRequest r, StaffRequestState to) {
        return JedaException.failedPrecondition("ILLEGAL_TRANSITION", r.getName() + " is " + r.getState()
                + " and cannot become " + to, "name", r.getName());
    }

    private static void requireDecider(Caller c, StaffRequest r) {
        String owner = nip(r.getOfficer());
        if (c.isOfficer(owner)) {
            throw JedaException.permissionDenied("OWN_REQUEST", "nobody decides their own request",
                    "subject", c.subject());
        }
        String m = managerOf(owner);
        if (!c.isAdmin() && (m == null || !c.isOfficer(m))) {
            throw JedaException.permissionDenied("NOT_MANAGER", "only the direct manager may decide",
                    "subject", c.subject());
        }
    }

    private StaffRequest move(StaffRequest r, StaffRequestState from, StaffRequestState to, String reason) {
        if (r.getState() != from) {
            throw illegal(r, to);
        }
        StaffRequest moved = r.toBuilder().setState(to).setDecisionReason(reason)
                .setDecidedBy("officers/" + FakeCallers.caller().subject()).build();
        requests.put(r.getName(), moved);
        return moved;
    }

    @Override
    public void createStaffRequest(CreateStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            Caller c = FakeCallers.caller();
            String nip = nip(req.getParent());
            if (!c.isOfficer(nip)) {
                throw JedaException.permissionDenied("NOT_OWNER", "only officer " + nip + " may do this",
                        "subject", c.subject());
            }
            String key = nip + "|" + req.getRequestId();
            if (!req.getRequestId().isEmpty() && keys.containsKey(key)) {
                return requests.get(keys.get(key));
            }
            StaffRequest in = req.getStaffRequest();
            if (in.getKind() == StaffRequestKind.STAFF_REQUEST_KIND_UNSPECIFIED) {
                throw JedaException.invalidArgument("INVALID_ENUM_VALUE", "staff_request.kind is required",
                        "field", "staff_request.kind");
            }
            boolean swap = in.getKind() == StaffRequestKind.STAFF_REQUEST_KIND_ONCALL_SWAP;
            if (!swap && managerOf(nip) == null) {
                throw JedaException.failedPrecondition("NO_MANAGER", "officers/" + nip + " has no manager",
                        "officer", "officers/" + nip);
            }
            String name = "staffRequests/r" + ids.incrementAndGet();
            StaffRequest r = in.toBuilder().setName(name).setOfficer("officers/" + nip)
                    .setState(swap ? StaffRequestState.STAFF_REQUEST_STATE_AWAITING_COUNTERPART
                            : StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER)
                    .setNeedsManagerApproval(!swap || in.getNeedsManagerApproval()).build();
            requests.put(name, r);
            if (!req.getRequestId().isEmpty()) {
                keys.put(key, name);
            }
            return r;
        });
    }

    @Override
    public void getStaffRequest(GetStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> request(req.getName()));
    }

    @Override
    public void listStaffRequests(ListStaffRequestsRequest req, StreamObserver<ListStaffRequestsResponse> out) {
        serve(out, () -> {
            Caller c = FakeCallers.caller();
            List<StaffRequest> found = new ArrayList<>();
            for (StaffRequest r : requests.values()) {
                boolean mine = req.getParent().equals("officers/-")
                        ? c.isOfficer(String.valueOf(managerOf(nip(r.getOfficer()))))
                        : req.getParent().equals(r.getOfficer()) || req.getParent().equals(r.getCounterpart());
                if (mine && (req.getState() == StaffRequestState.STAFF_REQUEST_STATE_UNSPECIFIED
                        || req.getState() == r.getState())) {
                    found.add(r);
                }
            }
            return ListStaffRequestsResponse.newBuilder().addAllStaffRequests(found).build();
        });
    }

    @Override
    public void cancelStaffRequest(CancelStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            StaffRequest r = request(req.getName());
            if (!FakeCallers.caller().isOfficer(nip(r.getOfficer()))) {
                throw JedaException.permissionDenied("NOT_OWNER", "only the requester cancels", "name", r.getName());
            }
            return move(r, r.getState(), StaffRequestState.STAFF_REQUEST_STATE_CANCELLED, "");
        });
    }

    @Override
    public void acceptStaffRequest(AcceptStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            StaffRequest r = request(req.getName());
            if (!FakeCallers.caller().isOfficer(nip(r.getCounterpart()))) {
                throw JedaException.permissionDenied("NOT_COUNTERPART", "only the other officer accepts",
                        "name", r.getName());
            }
            return move(r, StaffRequestState.STAFF_REQUEST_STATE_AWAITING_COUNTERPART, r.getNeedsManagerApproval()
                    ? StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER
                    : StaffRequestState.STAFF_REQUEST_STATE_APPROVED, "");
        });
    }

    @Override
    public void declineStaffRequest(DeclineStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            StaffRequest r = request(req.getName());
            if (!FakeCallers.caller().isOfficer(nip(r.getCounterpart()))) {
                throw JedaException.permissionDenied("NOT_COUNTERPART", "only the other officer declines",
                        "name", r.getName());
            }
            if (req.getReason().isBlank()) {
                throw JedaException.invalidArgument("REASON_REQUIRED", "a reason is required", "field", "reason");
            }
            return move(r, StaffRequestState.STAFF_REQUEST_STATE_AWAITING_COUNTERPART,
                    StaffRequestState.STAFF_REQUEST_STATE_DECLINED, req.getReason());
        });
    }

    @Override
    public void approveStaffRequest(ApproveStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            StaffRequest r = request(req.getName());
            requireDecider(FakeCallers.caller(), r);
            StaffRequest approved = move(r, StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER,
                    StaffRequestState.STAFF_REQUEST_STATE_APPROVED, "");
            if (r.getKind() != StaffRequestKind.STAFF_REQUEST_KIND_ONCALL_SWAP) {
                LocalDate to = FakePolicyService.date(r.getEndDate());
                for (LocalDate d = FakePolicyService.date(r.getStartDate()); !d.isAfter(to); d = d.plusDays(1)) {
                    policy.onLeave(nip(r.getOfficer()), d);
                }
            }
            return approved;
        });
    }

    @Override
    public void rejectStaffRequest(RejectStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        serve(out, () -> {
            StaffRequest r = request(req.getName());
            requireDecider(FakeCallers.caller(), r);
            if (req.getReason().isBlank()) {
                throw JedaException.invalidArgument("REASON_REQUIRED", "a reason is required", "field", "reason");
            }
            return move(r, StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER,
                    StaffRequestState.STAFF_REQUEST_STATE_REJECTED, req.getReason().strip());
        });
    }
}
