package io.jeda.common.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Does not start work for a call whose caller has already given up (deadline passed or cancelled)
 * by the time a server thread takes it: under overload such calls would otherwise take database
 * connections and CPU from the calls that can still be answered in time, and the backlog would
 * never drain. Outermost of our interceptors, so not even the token is checked for them.
 */
@Singleton
public class ExpiredCallInterceptor implements ServerInterceptor, Ordered {

    private static final ServerCall.Listener<Object> NOTHING = new ServerCall.Listener<>() {
    };

    @Override
    public int getOrder() {
        return ErrorInterceptor.ORDER - 10;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        if (Context.current().isCancelled()) {
            try {
                call.close(Status.DEADLINE_EXCEEDED.withDescription("the caller gave up before the call started"),
                        new Metadata());
            } catch (RuntimeException alreadyClosed) {
                // The transport closed the cancelled call first; nothing is left to do.
            }
            return (ServerCall.Listener<Q>) NOTHING;
        }
        return next.startCall(call, headers);
    }
}
