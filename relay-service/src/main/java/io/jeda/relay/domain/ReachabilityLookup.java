package io.jeda.relay.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The port to the reachability engine. Empty means it did not answer in time (or failed): the
 * caller must degrade, never wait longer. An officer the engine does not know is refused
 * ({@code JedaException} NOT_FOUND or INVALID_ARGUMENT), not degraded over.
 */
public interface ReachabilityLookup {

    /** @param at the instant asked about, or null for the engine's own now */
    Optional<Reachability> ask(String nip, Urgency urgency, Instant at);
}
