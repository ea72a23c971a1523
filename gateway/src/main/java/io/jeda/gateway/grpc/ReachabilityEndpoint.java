package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.app.ReachabilityApi;
import jakarta.inject.Singleton;

/** gRPC ReachabilityService; errors thrown here are mapped by common's ErrorInterceptor. */
@Singleton
public class ReachabilityEndpoint extends ReachabilityServiceGrpc.ReachabilityServiceImplBase {

    private final ReachabilityApi api;

    public ReachabilityEndpoint(ReachabilityApi api) {
        this.api = api;
    }

    @Override
    public void getReachability(GetReachabilityRequest request, StreamObserver<Reachability> out) {
        out.onNext(api.get(CallerContext.current(), request));
        out.onCompleted();
    }

    @Override
    public void batchGetReachability(BatchGetReachabilityRequest request,
                                     StreamObserver<BatchGetReachabilityResponse> out) {
        out.onNext(api.batch(CallerContext.current(), request));
        out.onCompleted();
    }

    @Override
    public void listUnitReachability(ListUnitReachabilityRequest request,
                                     StreamObserver<ListUnitReachabilityResponse> out) {
        out.onNext(api.unit(CallerContext.current(), request));
        out.onCompleted();
    }
}
