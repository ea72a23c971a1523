package io.jeda.common.grpc;

import io.jeda.common.error.ErrorKind;

import java.util.Optional;
import java.util.function.Function;

/**
 * The result of a downstream call that degrades instead of throwing: the answer, or the fact that
 * the source failed and why. A caller answers from what it has and names the failed sources, as the
 * gateway's reachability answers do.
 */
public sealed interface Outcome<T> {

    /** The source answered (the value may be null for "answered: there is none"). */
    record Ok<T>(T value) implements Outcome<T> {
    }

    /**
     * The source did not answer usefully.
     *
     * @param source  the source called, for example {@code policy-service}
     * @param kind    what went wrong, as an {@link ErrorKind}
     * @param reason  the ErrorInfo reason the source sent, or one of {@code DEADLINE_EXCEEDED},
     *                {@code UNAVAILABLE}, {@code BUDGET_SPENT}, {@code INTERNAL}
     * @param message what happened, for logs
     */
    record Failed<T>(String source, ErrorKind kind, String reason, String message) implements Outcome<T> {
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(String source, ErrorKind kind, String reason, String message) {
        return new Failed<>(source, kind, reason, message);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value when the source answered with one; empty when it failed or answered null. */
    default Optional<T> present() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** The value, or {@code fallback} when the source failed. */
    default T orElse(T fallback) {
        return this instanceof Ok<T> ok ? ok.value() : fallback;
    }

    @SuppressWarnings("unchecked")
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        return this instanceof Ok<T> ok ? new Ok<>(f.apply(ok.value())) : (Outcome<U>) this;
    }
}
