package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.gateway.v1.InquiryServiceGrpc;
import io.jeda.gateway.v1.ListInquiriesRequest;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.app.ReachabilityApi;
import jakarta.inject.Singleton;

/** gRPC InquiryService: "who asked about me". */
@Singleton
public class InquiryEndpoint extends InquiryServiceGrpc.InquiryServiceImplBase {

    private final ReachabilityApi api;

    public InquiryEndpoint(ReachabilityApi api) {
        this.api = api;
    }

    @Override
    public void listInquiries(ListInquiriesRequest request, StreamObserver<ListInquiriesResponse> out) {
        out.onNext(api.inquiries(CallerContext.current(), request));
        out.onCompleted();
    }
}
