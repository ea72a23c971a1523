package io.jeda.policy.domain.roster;

import java.time.Instant;

/** Who is primary and who is backup on a roster during [start, end). */
public record OnCallSlot(String rosterId, Instant start, Instant end, String primaryNip, String backupNip,
                         boolean overridden) {
}
