package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallPool;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.security.Caller;
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
    private final TransportCalls transport;
    private final CallPool pool;

    public ReachabilityEndpoint(ReachabilityApi api, TransportCalls transport, CallPool pool) {
        this.api = api;
        this.transport = transport;
        this.pool = pool;
    }

    /**
     * On a transport thread ({@link TransportCalls}) the answer goes out from there when it is made of
     * cache hits; otherwise the call is handed to the call pool, where it may wait for the services
     * behind. Failures on the pool reach the caller through onError, mapped like thrown ones.
     */
    @Override
    public void getReachability(GetReachabilityRequest request, StreamObserver<Reachability> out) {
        Caller caller = CallerContext.current();
        if (!transport.enabled()) {
            out.onNext(api.get(caller, request));
            out.onCompleted();
            return;
        }
        Reachability now = api.getWithoutWaiting(caller, request);
        if (now != null) {
            out.onNext(now);
            out.onCompleted();
            return;
        }
        pool.offload(() -> {
            Reachability answer;
            try {
                answer = api.get(caller, request);
            } catch (RuntimeException e) {
                out.onError(e);
                return;
            }
            out.onNext(answer);
            out.onCompleted();
        });
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
