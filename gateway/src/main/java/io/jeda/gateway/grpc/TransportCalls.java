package io.jeda.gateway.grpc;

import io.grpc.MethodDescriptor;
import io.jeda.common.grpc.TransportThreadCalls;
import io.jeda.gateway.security.RateLimiter;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * GetReachability starts on the transport thread that read it (JEDA_GATEWAY_HITS_ON_TRANSPORT,
 * default true): an answer made of cache hits goes out from there, without a hand-over to the call
 * pool and back; anything that would wait is handed to the pool by {@link ReachabilityEndpoint}.
 * Off when the interceptors themselves may wait on the network before the handler runs: rate limits
 * shared through Redis, or token keys fetched from a JWKS URI.
 */
@Singleton
public class TransportCalls implements TransportThreadCalls {

    private final boolean enabled;

    public TransportCalls(@Value("${jeda.gateway.hits-on-transport:true}") boolean setting,
                          @Value("${jeda.security.jwt.jwks-uri:}") String jwksUri, RateLimiter limiter) {
        this.enabled = setting && jwksUri.isBlank() && !limiter.mayWait();
    }

    /** Whether GetReachability starts on the transport threads. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean startsOnTransport(MethodDescriptor<?, ?> method) {
        return enabled && ReachabilityServiceGrpc.getGetReachabilityMethod().getFullMethodName()
                .equals(method.getFullMethodName());
    }
}
