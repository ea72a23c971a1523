package io.jeda.gateway.reachability;

import java.time.Instant;
import java.util.Objects;

/**
 * One question to the engine: may officer {@code nip} be contacted at {@code at} with this urgency.
 *
 * @param at       the instant asked about; null means now (the engine's clock)
 * @param clientId         who asks (for the audit log; the engine does not use it)
 * @param attendanceDetail whether the reasons about {@code nip} may tell attendance detail (when the
 *                         officer checked in or out, whether they are checked in): only for the
 *                         officer's own view. Agency systems and everyone else get reasons without it
 *                         ("resting after late work until 10:00", not when they left). Reasons about a
 *                         contact instead never have it.
 */
public record ReachabilityQuery(String nip, Instant at, Urgency urgency, String clientId, boolean attendanceDetail) {

    public ReachabilityQuery {
        Objects.requireNonNull(nip, "nip");
        Objects.requireNonNull(urgency, "urgency");
    }

    /** A question whose answer tells no attendance detail (what agency systems get). */
    public ReachabilityQuery(String nip, Instant at, Urgency urgency, String clientId) {
        this(nip, at, urgency, clientId, false);
    }
}
