package io.jeda.common.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

/**
 * Gives every gRPC call a request id ({@link RequestId}): the caller's {@code x-request-id} metadata
 * or a new one. The id is put in the gRPC context (so that outgoing calls made for this request carry
 * it, see {@link RequestIdClientInterceptor}), echoed in the response headers, and set in the MDC
 * around each listener callback only: gRPC runs the callbacks of one call on whatever executor thread
 * is free, so an MDC value set once would leak into other calls' log lines. A call refused before it
 * sent headers carries the id in its trailers.
 */
@Singleton
public class RequestIdServerInterceptor implements ServerInterceptor, Ordered {

    /** Outside the error interceptor, so that the lines it logs for failures carry the id too. */
    public static final int ORDER = ErrorInterceptor.ORDER - 50;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String id = RequestId.acceptOrGenerate(headers.get(RequestId.METADATA_KEY));
        ServerCall<Q, R> echoing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            private volatile boolean headersSent;

            @Override
            public void sendHeaders(Metadata responseHeaders) {
                headersSent = true;
                responseHeaders.put(RequestId.METADATA_KEY, id);
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                // A call refused before any answer has no headers: the id travels in the trailers.
                if (!headersSent) {
                    trailers.put(RequestId.METADATA_KEY, id);
                }
                super.close(status, trailers);
            }
        };
        Context ctx = Context.current().withValue(RequestId.CONTEXT_KEY, id);
        String previous = MDC.get(RequestId.MDC_KEY);
        MDC.put(RequestId.MDC_KEY, id);
        ServerCall.Listener<Q> delegate;
        try {
            delegate = Contexts.interceptCall(ctx, echoing, headers, next);
        } finally {
            restore(previous);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                String prev = MDC.get(RequestId.MDC_KEY);
                MDC.put(RequestId.MDC_KEY, id);
                try {
                    super.onMessage(message);
                } finally {
                    restore(prev);
                }
            }

            @Override
            public void onHalfClose() {
                String prev = MDC.get(RequestId.MDC_KEY);
                MDC.put(RequestId.MDC_KEY, id);
                try {
                    super.onHalfClose();
                } finally {
                    restore(prev);
                }
            }

            @Override
            public void onCancel() {
                String prev = MDC.get(RequestId.MDC_KEY);
                MDC.put(RequestId.MDC_KEY, id);
                try {
                    super.onCancel();
                } finally {
                    restore(prev);
                }
            }

            @Override
            public void onComplete() {
                String prev = MDC.get(RequestId.MDC_KEY);
                MDC.put(RequestId.MDC_KEY, id);
                try {
                    super.onComplete();
                } finally {
                    restore(prev);
                }
            }

            @Override
            public void onReady() {
                String prev = MDC.get(RequestId.MDC_KEY);
                MDC.put(RequestId.MDC_KEY, id);
                try {
                    super.onReady();
                } finally {
                    restore(prev);
                }
            }
        };
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(RequestId.MDC_KEY);
        } else {
            MDC.put(RequestId.MDC_KEY, previous);
        }
    }
}
