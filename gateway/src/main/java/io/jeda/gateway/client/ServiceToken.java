package io.jeda.gateway.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.GatewaySettings;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The gateway's own SERVICE identity towards policy-service and attendance-service: a token minted
 * with the deployment's shared secret and renewed well before it expires, so that no call ever
 * carries an expired token.
 */
@Singleton
public class ServiceToken extends CallCredentials {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenService tokens;
    private final String clientId;
    private final Duration ttl;
    private volatile String token;
    private volatile long renewAtNanos;

    public ServiceToken(TokenService tokens, GatewaySettings settings) {
        this.tokens = tokens;
        this.clientId = settings.serviceClientId();
        this.ttl = settings.serviceTokenTtl();
    }

    /** The current token, minted anew once four fifths of its lifetime have passed. */
    public String current() {
        long now = System.nanoTime();
        String t = token;
        if (t == null || now - renewAtNanos >= 0) {
            synchronized (this) {
                if (token == null || System.nanoTime() - renewAtNanos >= 0) {
                    token = tokens.mint(clientId, Set.of(Role.SERVICE), ttl);
                    renewAtNanos = System.nanoTime() + ttl.toNanos() * 4 / 5;
                }
                t = token;
            }
        }
        return t;
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        try {
            Metadata h = new Metadata();
            h.put(AUTHORIZATION, "Bearer " + current());
            applier.apply(h);
        } catch (RuntimeException e) {
            applier.fail(Status.UNAUTHENTICATED.withDescription("cannot mint the service token").withCause(e));
        }
    }
}
