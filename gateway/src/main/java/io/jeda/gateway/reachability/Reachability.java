package io.jeda.gateway.reachability;

import java.time.Instant;
import java.util.List;

/**
 * The engine's answer: whether an officer may be contacted at an instant with an urgency, and if not,
 * when or whom instead. The gRPC and REST mappers turn it into {@code jeda.gateway.v1} messages and
 * JSON; the audit log records (client, nip, urgency, state, reachable, at).
 *
 * @param nip             the officer asked about
 * @param urgency         the urgency asked about
 * @param at              the instant asked about
 * @param state           where the officer stands at {@code at}
 * @param reachable       whether a request of this urgency may reach the officer at {@code at}
 * @param workLocation    where the officer works now (check-in mode, else the schedule's place); null
 *                        when not working now. Never coordinates.
 * @param nextReachableAt when a request of this urgency may reach the officer; null when reachable now,
 *                        or when no such instant is known within the lookahead (a reason says which)
 * @param respondBy       the deadline a fair service level gives this request (see
 *                        {@link ReachabilitySettings}); never null
 * @param contactInstead  when not reachable: the first reachable officer along rosters, named backups
 *                        and manager, with its own answer (whose contactInstead is always null); null
 *                        when reachable or when nobody is
 * @param reasons         sentences a person can read, explaining the answer
 * @param asOf            when the answer was made (the engine's clock)
 * @param degraded        whether a source did not answer and the answer was made from what remained
 * @param degradedSources which sources did not answer ({@link Sources}), sorted, without duplicates
 */
public record Reachability(String nip, Urgency urgency, Instant at, ReachabilityState state, boolean reachable,
                           WorkLocation workLocation, Instant nextReachableAt, Instant respondBy,
                           Reachability contactInstead, List<String> reasons, Instant asOf, boolean degraded,
                           List<String> degradedSources) {

    public Reachability {
        reasons = List.copyOf(reasons);
        degradedSources = List.copyOf(degradedSources);
    }
}
