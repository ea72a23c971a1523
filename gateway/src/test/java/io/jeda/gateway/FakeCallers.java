package io.jeda.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.StatusMapper;
import io.jeda.common.security.Caller;
import io.jeda.common.security.TokenService;
import io.jeda.testing.Tokens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the fakes of policy-service and attendance-service share with the real ones: the caller is
 * whoever the {@code authorization: Bearer} metadata names (verified with the development secret),
 * and refusals are statuses with an ErrorInfo reason, made by common's StatusMapper like the real
 * services' error interceptor does. Every authorization header is also recorded, so a test can see
 * whose identity the gateway presented.
 */
public final class FakeCallers {

    private static final TokenService TOKENS = new TokenService(Tokens.DEV_SECRET, "", "jeda", true);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> HEADER = Context.key("fake-authorization");
    private static final Metadata.Key<String> TRACEPARENT =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    /** The W3C trace context ({@code traceparent}) of every call the fakes served, oldest first. */
    public static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();

    private FakeCallers() {
    }

    /** Records the authorization header of every call and keeps it for {@link #caller()}. */
    static ServerInterceptor recording(List<String> into) {
        return recording(into, new CopyOnWriteArrayList<>());
    }

    /** The same, also recording the x-request-id metadata of every call ("" when absent). */
    static ServerInterceptor recording(List<String> into, List<String> requestIds) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String auth = headers.get(AUTHORIZATION);
                into.add(auth == null ? "" : auth);
                String requestId = headers.get(REQUEST_ID);
                requestIds.add(requestId == null ? "" : requestId);
                String traceparent = headers.get(TRACEPARENT);
                TRACEPARENTS.add(traceparent == null ? "" : traceparent);
                return Contexts.interceptCall(Context.current().withValue(HEADER, auth == null ? "" : auth),
                        call, headers, next);
            }
        };
    }

    /** The verified caller of the current call, or UNAUTHENTICATED like the real AuthInterceptor. */
    static Caller caller() {
        String h = HEADER.get();
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw JedaException.unauthenticated("MISSING_TOKEN", "this call needs a bearer token");
        }
        return TOKENS.verify(h.substring(7).trim());
    }

    /** The subject of a recorded authorization header ("" when there was none or it is not a token). */
    public static String subject(String authorization) {
        try {
            return TOKENS.verify(authorization.substring(7).trim()).subject();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Answers the call with the refusal, as the real services' error interceptor would. */
    static void fail(StreamObserver<?> out, String domain, JedaException e) {
        StatusMapper.Mapped m = new StatusMapper(domain).map(e);
        out.onError(m.status().asRuntimeException(m.trailers()));
    }
}
