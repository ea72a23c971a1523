package io.jeda.common.grpc;

import io.grpc.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed pool of {@code jeda.grpc.server.threads} threads that runs a service's gRPC calls (see
 * {@link ServerExecutor}), and the way for a call that started on a transport thread to hand the
 * rest of its work to it: {@link #offload(Runnable)} carries the call's gRPC context (caller,
 * deadline, request id), its trace context and the request id in the MDC over to the pool thread,
 * and drops the work when the caller has already gone.
 */
@Singleton
public class CallPool {

    /** Null when {@code threads} is 0: Micronaut's default executor runs the calls then. */
    private final ExecutorService pool;

    public CallPool(@Value("${jeda.grpc.server.threads:0}") int threads) {
        if (threads > 0) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "grpc-call-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            pool = null;
        }
    }

    /** Whether there is a pool of our own (threads > 0); without one Micronaut's default executor runs calls. */
    public boolean fixed() {
        return pool != null;
    }

    /** The pool; null when {@link #fixed()} is false. */
    public Executor executor() {
        return pool;
    }

    /**
     * Runs the rest of the current call's work on the pool (or right here without a pool), in the
     * call's contexts. Work whose caller cancelled or whose deadline passed meanwhile is not started:
     * nobody waits for its answer.
     */
    public void offload(Runnable work) {
        if (pool == null) {
            work.run();
            return;
        }
        Context grpc = Context.current();
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        String requestId = RequestId.CONTEXT_KEY.get(grpc);
        Runnable inContexts = grpc.wrap(trace.wrap(() -> {
            if (Context.current().isCancelled()) {
                return;
            }
            String previous = MDC.get(RequestId.MDC_KEY);
            if (requestId != null) {
                MDC.put(RequestId.MDC_KEY, requestId);
            }
            try {
                work.run();
            } finally {
                if (previous == null) {
                    MDC.remove(RequestId.MDC_KEY);
                } else {
                    MDC.put(RequestId.MDC_KEY, previous);
                }
            }
        }));
        pool.execute(inContexts);
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
