package io.jeda.policy.domain.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Answers which on-call slots officers hold in a time range, as primary or as backup. Implemented
 * by the roster rules; the effective schedule asks it for the on-call slots of a day.
 */
public interface OnCallLookup {

    /** Slots overlapping [from, to) in which any of the officers is primary or backup, in time order. */
    List<OnCallSlot> slotsFor(Collection<String> nips, Instant from, Instant to);
}
