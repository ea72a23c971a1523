package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.policy.app.request.StaffRequestService;
import io.jeda.policy.app.request.StaffRequestView;
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
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.StaffRequestService: leave, travel and on-call swap requests and their decisions. */
@Singleton
public class StaffRequestEndpoint extends StaffRequestServiceGrpc.StaffRequestServiceImplBase {

    private final StaffRequestService requests;

    public StaffRequestEndpoint(StaffRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void createStaffRequest(CreateStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.create(CallerContext.current(), StaffRequestMapper.parentNip(req.getParent()),
                StaffRequestMapper.toDraft(req.getStaffRequest()), req.getRequestId()));
    }

    @Override
    public void getStaffRequest(GetStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.get(CallerContext.current(), StaffRequestMapper.id(req.getName())));
    }

    @Override
    public void listStaffRequests(ListStaffRequestsRequest req, StreamObserver<ListStaffRequestsResponse> out) {
        out.onNext(StaffRequestMapper.toProto(requests.list(CallerContext.current(),
                StaffRequestMapper.parentNip(req.getParent()), StaffRequestMapper.stateFilter(req.getState()),
                StaffRequestMapper.page(req))));
        out.onCompleted();
    }

    @Override
    public void cancelStaffRequest(CancelStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.cancel(CallerContext.current(), StaffRequestMapper.id(req.getName())));
    }

    @Override
    public void acceptStaffRequest(AcceptStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.accept(CallerContext.current(), StaffRequestMapper.id(req.getName())));
    }

    @Override
    public void declineStaffRequest(DeclineStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.decline(CallerContext.current(), StaffRequestMapper.id(req.getName()), req.getReason()));
    }

    @Override
    public void approveStaffRequest(ApproveStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.approve(CallerContext.current(), StaffRequestMapper.id(req.getName())));
    }

    @Override
    public void rejectStaffRequest(RejectStaffRequestRequest req, StreamObserver<StaffRequest> out) {
        reply(out, requests.reject(CallerContext.current(), StaffRequestMapper.id(req.getName()), req.getReason()));
    }

    private static void reply(StreamObserver<StaffRequest> out, StaffRequestView v) {
        out.onNext(StaffRequestMapper.toProto(v));
        out.onCompleted();
    }
}
