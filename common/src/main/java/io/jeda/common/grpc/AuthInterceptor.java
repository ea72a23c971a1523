package io.jeda.common.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.TokenService;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Establishes who is calling from the {@code authorization: Bearer <jwt>} metadata of every call.
 * Health checks and server reflection are open so that probes and tools work without tokens.
 */
@Singleton
public class AuthInterceptor implements ServerInterceptor, Ordered {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection");

    private final TokenService tokens;

    public AuthInterceptor(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        // Runs inside the error interceptor so that its refusals are mapped like any other error.
        return ErrorInterceptor.ORDER + 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (service != null && OPEN_SERVICES.contains(service)) {
            return next.startCall(call, headers);
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw JedaException.unauthenticated("MISSING_TOKEN", "this call needs an authorization: Bearer <token> header");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw JedaException.unauthenticated("INVALID_TOKEN", "the authorization header must be Bearer <token>");
        }
        String token = header.substring(7).trim();
        Caller caller = tokens.verify(token);
        Context ctx = Context.current().withValue(CallerContext.CALLER, caller).withValue(CallerContext.TOKEN, token);
        return Contexts.interceptCall(ctx, call, headers, next);
    }
}
