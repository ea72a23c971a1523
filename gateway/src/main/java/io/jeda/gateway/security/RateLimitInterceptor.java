package io.jeda.gateway.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.grpc.ErrorInterceptor;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Applies {@link RateLimiter} to every authenticated gRPC call. Ordered inside common's
 * AuthInterceptor (so the caller is known) and ErrorInterceptor (so a refusal becomes
 * RESOURCE_EXHAUSTED with ErrorInfo reason RATE_LIMITED and metadata retry_after_ms).
 */
@Singleton
public class RateLimitInterceptor implements ServerInterceptor, Ordered {

    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection");

    private final RateLimiter limiter;

    public RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return ErrorInterceptor.ORDER + 20;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (service == null || !OPEN_SERVICES.contains(service)) {
            limiter.acquire(CallerContext.current().subject());
        }
        return next.startCall(call, headers);
    }
}
