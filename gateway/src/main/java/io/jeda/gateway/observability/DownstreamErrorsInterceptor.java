package io.jeda.gateway.observability;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import jakarta.inject.Singleton;

/**
 * Counts the failed calls to policy-service and attendance-service by service and status code
 * ({@link GatewayMetrics}). NOT_FOUND is an answer (no such officer, no check-in yet), not a failure.
 * Micronaut adds every ClientInterceptor bean to every channel it builds.
 */
@Singleton
public class DownstreamErrorsInterceptor implements ClientInterceptor {

    private final GatewayMetrics metrics;

    public DownstreamErrorsInterceptor(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String service = method.getServiceName();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        Status.Code code = status.getCode();
                        if (code != Status.Code.OK && code != Status.Code.NOT_FOUND) {
                            metrics.downstreamFailed(service, code);
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
