package io.jeda.relay.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the reachability engine answered about one officer for one urgency, in domain terms: the
 * rules here never compute working hours themselves, they follow this answer.
 *
 * @param nip             the officer asked about
 * @param reachable       whether a message of the urgency may reach them now
 * @param nextReachableAt when not reachable: the first instant it may (null when unknown)
 * @param respondBy       the service level's deadline for a request made now (null when unknown)
 * @param contactInstead  the first reachable officer along the backup chain or roster (null when none)
 * @param reasons         sentences a person can read
 * @param timeZone        IANA zone of the officer's unit ("" when unknown)
 */
public record Reachability(String nip, boolean reachable, Instant nextReachableAt, Instant respondBy,
                           Reachability contactInstead, List<String> reasons, String timeZone) {

    public Reachability {
        reasons = List.copyOf(reasons);
        timeZone = timeZone == null ? "" : timeZone;
    }
}
