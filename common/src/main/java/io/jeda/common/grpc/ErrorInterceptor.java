package io.jeda.common.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.jeda.common.error.Echo;
import io.jeda.common.error.JedaException;
import io.jeda.common.sql.SqlErrors;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place where failures become gRPC statuses: a {@link JedaException} becomes its canonical
 * code with a {@code google.rpc.ErrorInfo}; anything else becomes INTERNAL with an incident id that
 * is logged here, so that no SQL text or stack trace ever reaches a caller. A failure to reach the
 * database (see {@link SqlErrors#isUnavailable}) is UNAVAILABLE with the reason DATABASE_UNAVAILABLE,
 * which clients following gRPC's conventions retry.
 */
@Singleton
public class ErrorInterceptor implements ServerInterceptor, Ordered {

    /** Outermost of our interceptors. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorInterceptor.class);

    private final StatusMapper mapper;

    public ErrorInterceptor(@Value("${micronaut.application.name:jeda}") String domain) {
        this.mapper = new StatusMapper(domain);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        MappingCall<Q, R> mapping = new MappingCall<>(call);
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(mapping, headers);
        } catch (RuntimeException e) {
            mapping.fail(e);
            return new ServerCall.Listener<>() {
            };
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    mapping.fail(e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    mapping.fail(e);
                }
            }

            @Override
            public void onReady() {
                try {
                    super.onReady();
                } catch (RuntimeException e) {
                    mapping.fail(e);
                }
            }
        };
    }

    /** Rewrites statuses whose cause is one of ours (an endpoint called onError) and closes once. */
    private final class MappingCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final AtomicBoolean closed = new AtomicBoolean();

        MappingCall(ServerCall<Q, R> delegate) {
            super(delegate);
        }

        void fail(Throwable t) {
            close(Status.UNKNOWN.withCause(t), new Metadata());
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!closed.compareAndSet(false, true)) {
                if (status.getCause() != null) {
                    LOG.warn("error after the call was closed", status.getCause());
                }
                return;
            }
            Throwable cause = status.getCause();
            if (cause instanceof JedaException je) {
                StatusMapper.Mapped m = mapper.map(je);
                trailers.merge(m.trailers());
                super.close(m.status(), trailers);
            } else if (!status.isOk() && cause != null && status.getCode() == Status.Code.UNKNOWN) {
                java.util.Optional<JedaException> unavailable = SqlErrors.unavailable(cause);
                if (unavailable.isPresent()) {
                    LOG.warn("the database cannot be reached: {}", cause.toString());
                }
                StatusMapper.Mapped m = unavailable.map(mapper::map).orElseGet(() -> mapper.internal(cause));
                trailers.merge(m.trailers());
                super.close(m.status(), trailers);
            } else if (status.getDescription() != null && status.getDescription().length() > Echo.MAX_MESSAGE_CHARS) {
                // A status made elsewhere may repeat the caller's input too: bounded like ours.
                super.close(status.withDescription(Echo.message(status.getDescription())), trailers);
            } else {
                super.close(status, trailers);
            }
        }
    }
}
