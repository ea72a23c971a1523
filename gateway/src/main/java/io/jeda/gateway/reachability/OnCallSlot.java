package io.jeda.gateway.reachability;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is primary and who is backup of an on-call roster (piket) during [start, end), as
 * policy-service's rosters computed it. The engine trusts the slots: the on-call cap per officer
 * and week is enforced by policy-service when rosters and overrides are saved.
 *
 * @param rosterId the roster, without the {@code rosters/} prefix
 * @param backupNip may be null when the roster has nobody behind the primary
 */
public record OnCallSlot(String rosterId, Instant start, Instant end, String primaryNip, String backupNip) {

    public OnCallSlot {
        Objects.requireNonNull(rosterId, "rosterId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(primaryNip, "primaryNip");
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether the officer holds this slot as primary or as backup. */
    public boolean involves(String nip) {
        return primaryNip.equals(nip) || nip.equals(backupNip);
    }
}
