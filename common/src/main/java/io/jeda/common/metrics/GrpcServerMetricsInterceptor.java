package io.jeda.common.metrics;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.jeda.common.grpc.ErrorInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every gRPC call the service serves, from its start to its close, by method and status code:
 * {@code jeda_grpc_server_requests_seconds_{count,sum,bucket}{method,status}} (the count gives the
 * request rate, the buckets the latency histogram). Timers are looked up by method once and kept in a
 * per-method array indexed by status code, so a call costs one map read and no tag building. Runs
 * outside common's ErrorInterceptor so that it sees the status a client gets.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class GrpcServerMetricsInterceptor implements ServerInterceptor, Ordered {

    static final String NAME = "jeda.grpc.server.requests";
    private static final Status.Code[] CODES = Status.Code.values();

    private final MeterRegistry registry;
    private final boolean histogram;
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    public GrpcServerMetricsInterceptor(MeterRegistry registry,
                                        @Value("${jeda.metrics.grpc-histogram:true}") boolean histogram) {
        this.registry = registry;
        this.histogram = histogram;
    }

    @Override
    public int getOrder() {
        return ErrorInterceptor.ORDER - 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        AtomicReferenceArray<Timer> byCode = timers.get(method);
        if (byCode == null) {
            byCode = timers.computeIfAbsent(method, m -> new AtomicReferenceArray<>(CODES.length));
        }
        AtomicReferenceArray<Timer> timersOfMethod = byCode;
        long start = System.nanoTime();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                timer(method, timersOfMethod, status.getCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                super.close(status, trailers);
            }
        }, headers);
    }

    private Timer timer(String method, AtomicReferenceArray<Timer> byCode, Status.Code code) {
        Timer t = byCode.get(code.ordinal());
        if (t == null) {
            t = Timer.builder(NAME).description("gRPC calls served, by method and status code")
                    .tag("method", method).tag("status", code.name())
                    .publishPercentileHistogram(histogram)
                    .register(registry);
            byCode.set(code.ordinal(), t);
        }
        return t;
    }
}
