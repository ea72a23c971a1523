package io.jeda.common.grpc;

import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.ErrorTable;
import io.jeda.common.error.JedaException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A downstream call that degrades instead of throwing: it runs within a deadline and returns an
 * {@link Outcome}, never an exception. A deadline already past is not even tried.
 * <p>
 * One request that calls several services shares a {@link Budget}: each call gets the smaller of
 * its own deadline and what remains of the budget, and once a source timed out or was unavailable,
 * later calls to it in the same request fail at once, so a degraded answer comes back in about one
 * deadline instead of one per call.
 *
 * <pre>{@code
 * Budgeted.Budget budget = Budgeted.budget(Duration.ofMillis(800));
 * Outcome<Officer> officer = budget.call("policy-service", Duration.ofMillis(300),
 *         d -> officers.withDeadline(d).getOfficer(request));
 * }</pre>
 */
public final class Budgeted {

    /** The reason of a call not made because the budget was spent or the source already failed. */
    public static final String BUDGET_SPENT = "BUDGET_SPENT";

    private Budgeted() {
    }

    /** Calls {@code call} unless {@code deadline} has passed; any failure becomes a {@link Outcome.Failed}. */
    public static <T> Outcome<T> call(Deadline deadline, Supplier<T> call) {
        return call(deadline, "downstream", d -> call.get());
    }

    /**
     * @param source names the source in a failure
     * @param call   one call, given the deadline to set on its stub
     */
    public static <T> Outcome<T> call(Deadline deadline, String source, Function<Deadline, T> call) {
        if (deadline.isExpired()) {
            return Outcome.failed(source, ErrorKind.DEADLINE_EXCEEDED, BUDGET_SPENT,
                    source + " not called: no time left");
        }
        try {
            return Outcome.ok(call.apply(deadline));
        } catch (StatusRuntimeException e) {
            Status s = e.getStatus();
            String reason = GrpcErrors.reason(e);
            return Outcome.failed(source, ErrorTable.kindOf(s.getCode()), reason.isEmpty() ? s.getCode().name() : reason,
                    source + ": " + s.getCode() + (s.getDescription() == null ? "" : " " + s.getDescription()));
        } catch (JedaException e) {
            return Outcome.failed(source, e.kind(), e.reason(), source + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(source, ErrorKind.INTERNAL, "INTERNAL", source + ": " + e);
        }
    }

    /** A budget of {@code total} for one request, starting now. */
    public static Budget budget(Duration total) {
        return new Budget(Deadline.after(total.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The time one request may spend on the services behind it, and the sources that already failed. */
    public static final class Budget {
        private final Deadline end;
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        private Budget(Deadline end) {
            this.end = end;
        }

        /** The deadline of one call: {@code perCall}, cut to what remains of the budget. */
        public Deadline deadline(Duration perCall) {
            Deadline own = Deadline.after(perCall.toNanos(), TimeUnit.NANOSECONDS);
            return own.minimum(end);
        }

        /**
         * Calls the source within {@code perCall} and the budget. A source that timed out or was
         * unavailable earlier in this budget is not called again.
         */
        public <T> Outcome<T> call(String source, Duration perCall, Function<Deadline, T> call) {
            if (failed.contains(source)) {
                return Outcome.failed(source, ErrorKind.UNAVAILABLE, BUDGET_SPENT,
                        source + " not called: it already failed during this request");
            }
            Outcome<T> o = Budgeted.call(deadline(perCall), source, call);
            if (o instanceof Outcome.Failed<T> f && (f.kind() == ErrorKind.UNAVAILABLE
                    || f.kind() == ErrorKind.DEADLINE_EXCEEDED)) {
                failed.add(source);
            }
            return o;
        }

        /** Whether a call to the source failed for lack of an answer during this budget. */
        public boolean hasFailed(String source) {
            return failed.contains(source);
        }

        public Set<String> failedSources() {
            return Set.copyOf(failed);
        }

        /** Time left; zero or negative when spent. */
        public Duration remaining() {
            return Duration.ofNanos(end.timeRemaining(TimeUnit.NANOSECONDS));
        }
    }
}
