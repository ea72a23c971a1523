package io.jeda.common.grpc;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Call credentials that send {@code authorization: Bearer <token>} with every call. The token is
 * either fixed (a caller's token passed on downstream, a test's token) or read from a supplier for
 * every call (a renewing {@link io.jeda.common.security.ServiceIdentity}); a supplier that fails
 * fails the call with UNAUTHENTICATED instead of sending it without a token.
 */
public final class BearerCredentials extends CallCredentials {

    /** The header every Jeda service reads the token from. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Supplier<String> token;

    private BearerCredentials(Supplier<String> token) {
        this.token = token;
    }

    /** Sends this token. */
    public static BearerCredentials of(String token) {
        Objects.requireNonNull(token, "token");
        return new BearerCredentials(() -> token);
    }

    /** Sends the token the supplier gives at the time of each call. */
    public static BearerCredentials of(Supplier<String> token) {
        return new BearerCredentials(Objects.requireNonNull(token, "token"));
    }

    /**
     * The current gRPC call's own token when there is one (so a downstream service sees the real
     * caller), else the fallback's (a service identity for work no caller started). Decided now, on
     * the thread that serves the call: keep the result for this call only.
     */
    public static BearerCredentials callerOr(Supplier<String> fallback) {
        String caller = CallerContext.currentToken();
        return caller != null ? of(caller) : of(fallback);
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        String t;
        try {
            t = token.get();
        } catch (RuntimeException e) {
            applier.fail(Status.UNAUTHENTICATED.withDescription("no bearer token to send: " + e.getMessage())
                    .withCause(e));
            return;
        }
        if (t == null || t.isEmpty()) {
            applier.fail(Status.UNAUTHENTICATED.withDescription("no bearer token to send"));
            return;
        }
        Metadata h = new Metadata();
        h.put(AUTHORIZATION, "Bearer " + t);
        applier.apply(h);
    }
}
