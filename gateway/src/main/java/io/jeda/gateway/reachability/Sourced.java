package io.jeda.gateway.reachability;

import java.util.Objects;
import java.util.Optional;

/**
 * A value read from a service behind the gateway, or the fact that the service did not answer (in
 * time). The engine answers from what remains and names the missing sources in
 * {@link Reachability#degradedSources()}, so a data port must never throw for a slow or failed
 * call: it returns {@link #unavailable(String)} instead.
 *
 * <p>Three cases: {@code of(value)}, {@code of(null)} (the service answered: there is no such thing,
 * e.g. unknown officer), and {@code unavailable(source)}.
 *
 * @param value             the value; null when absent or unavailable
 * @param unavailableSource the service that did not answer (see {@link Sources}), or null
 */
public record Sourced<T>(T value, String unavailableSource) {

    public static <T> Sourced<T> of(T value) {
        return new Sourced<>(value, null);
    }

    public static <T> Sourced<T> unavailable(String source) {
        return new Sourced<>(null, Objects.requireNonNull(source, "source"));
    }

    /** Whether the service answered (possibly with "nothing"). */
    public boolean available() {
        return unavailableSource == null;
    }

    /** The value when the service answered with one. */
    public Optional<T> present() {
        return Optional.ofNullable(value);
    }
}
