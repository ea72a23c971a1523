package io.jeda.gateway.reachability;

import java.time.Instant;
import java.util.Objects;

/**
 * One question to the engine: may officer {@code nip} be contacted at {@code at} with this urgency.
 *
 * @param at       the instant asked about; null means now (the engine's clock)
 * @param clientId who asks (for the audit log; the engine does not use it)
 */
public record ReachabilityQuery(String nip, Instant at, Urgency urgency, String clientId) {

    public ReachabilityQuery {
        Objects.requireNonNull(nip, "nip");
        Objects.requireNonNull(urgency, "urgency");
    }
}
