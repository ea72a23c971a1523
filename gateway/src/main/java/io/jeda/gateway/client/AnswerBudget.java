package io.jeda.gateway.client;

import io.jeda.common.grpc.NoWaiting;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The time one request may spend waiting on the services behind the gateway, and the services that
 * already failed during it. The engine reads its data call by call; without a shared budget a slow
 * policy-service would cost one full deadline per call and an answer could take seconds. With it,
 * the first timeout marks the source as failed and every later call to it in the same request
 * answers "unavailable" at once, so a degraded answer comes back in about one deadline.
 *
 * <p>Held in a thread-local because the engine is synchronous and transport-free; the gRPC and REST
 * edges open one with {@link #run(Duration, Supplier)} around the work of one request. Every read that
 * may wait asks for its deadline here first ({@link #callDeadline}), which is also where an answer
 * attempted on a transport thread ({@link #runWithoutWaiting}) learns that it has to go elsewhere.
 */
public final class AnswerBudget {

    private static final ThreadLocal<AnswerBudget> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    private AnswerBudget(Duration budget) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /** Runs work under a fresh budget (or the enclosing one, when already inside a budget). */
    public static <T> T run(Duration budget, Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        CURRENT.set(new AnswerBudget(budget));
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Runs work that may only use what is in memory ({@link NoWaiting}): the first read that would
     * wait for a service (a cache miss, or another request's read under way) ends it, and null is
     * returned. Used on transport threads, which must never block.
     */
    public static <T> T runWithoutWaiting(Duration budget, Supplier<T> work) {
        return NoWaiting.attempt(() -> run(budget, work));
    }

    /**
     * The deadline for one call: the per-call deadline, cut to what remains of the budget; zero or
     * negative when the budget is spent or the source already failed in this request.
     */
    static Duration callDeadline(String source, Duration perCall) {
        NoWaiting.check();
        AnswerBudget b = CURRENT.get();
        if (b == null) {
            return perCall;
        }
        if (b.failed.contains(source)) {
            return Duration.ZERO;
        }
        long remaining = b.deadlineNanos - System.nanoTime();
        return remaining < perCall.toNanos() ? Duration.ofNanos(remaining) : perCall;
    }

    /** Remembers that the source did not answer, so the rest of the request does not wait on it again. */
    static void failed(String source) {
        AnswerBudget b = CURRENT.get();
        if (b != null) {
            b.failed.add(source);
        }
    }
}
