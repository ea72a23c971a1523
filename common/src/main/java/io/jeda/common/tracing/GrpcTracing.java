package io.jeda.common.tracing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.jeda.common.grpc.RequestIdServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import jakarta.inject.Singleton;

/**
 * OpenTelemetry traces across the services: a server span for every gRPC call a service serves and
 * a client span for every call it makes, the W3C trace context ({@code traceparent}) carried in the
 * calls' metadata, so that one reachability question is one trace through the gateway,
 * policy-service and attendance-service. The SDK is micronaut-tracing's, configured by
 * {@code otel.*}; spans are exported only when {@code otel.traces.exporter} names an exporter
 * (JEDA_OTEL_TRACES_EXPORTER, default none). Micronaut adds the interceptors to its gRPC server and
 * to every channel it builds.
 */
@Factory
@Requires(beans = OpenTelemetry.class)
public class GrpcTracing {

    /** Outside every other interceptor, so that the span covers what they do and they see its context. */
    public static final int SERVER_ORDER = RequestIdServerInterceptor.ORDER - 10;

    @Singleton
    GrpcTelemetry grpcTelemetry(OpenTelemetry openTelemetry) {
        return GrpcTelemetry.builder(openTelemetry).build();
    }

    @Singleton
    ServerTracing serverTracing(GrpcTelemetry telemetry) {
        return new ServerTracing(telemetry.newServerInterceptor());
    }

    @Singleton
    ClientTracing clientTracing(GrpcTelemetry telemetry) {
        return new ClientTracing(telemetry.newClientInterceptor());
    }

    /** The server interceptor, ordered outermost. */
    public static final class ServerTracing implements ServerInterceptor, Ordered {
        private final ServerInterceptor delegate;

        ServerTracing(ServerInterceptor delegate) {
            this.delegate = delegate;
        }

        @Override
        public int getOrder() {
            return SERVER_ORDER;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            return delegate.interceptCall(call, headers, next);
        }
    }

    /** The client interceptor: a client span per call, and the trace context in its metadata. */
    public static final class ClientTracing implements ClientInterceptor {
        private final ClientInterceptor delegate;

        ClientTracing(ClientInterceptor delegate) {
            this.delegate = delegate;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return delegate.interceptCall(method, options, next);
        }
    }
}
