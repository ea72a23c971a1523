package io.jeda.attendance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What attendance needs to know from policy-service: an officer's unit, manager and domicile, a
 * unit's time zone and offices, and an officer's effective schedule on a local date. Every method
 * answers by the given deadline (one deadline is shared by all lookups of a request) or throws
 * {@link PolicyUnavailableException}; it never holds a check-in up for longer.
 */
public interface PolicyDirectory {

    /** The officer, or empty when policy-service says no such officer exists. */
    Optional<OfficerInfo> officer(String nip, Instant deadline);

    /** The unit, or empty when policy-service says no such unit exists. */
    Optional<UnitInfo> unit(String unitId, Instant deadline);

    /**
     * The unit as this service itself may read it (not with the caller's token), for walking up
     * the hierarchy when an HR or ADMIN caller's scope is checked; cached like {@link #unit}.
     */
    Optional<UnitInfo> unitForScope(String unitId, Instant deadline);

    /** The officer's effective schedule on a local date of their time zone. */
    ScheduleInfo schedule(String nip, LocalDate localDate, Instant deadline);

    /** The officer's effective schedules on every local date from {@code from} to {@code to} (at most 31). */
    List<ScheduleInfo> schedules(String nip, LocalDate from, LocalDate to, Instant deadline);

    /**
     * The effective schedules of many officers on every date from {@code from} to {@code to} (at most
     * 31), by officer. The default asks officer by officer; the gRPC directory asks once per date.
     */
    default java.util.Map<String, List<ScheduleInfo>> schedulesOf(java.util.Collection<String> nips, LocalDate from,
                                                                  LocalDate to, Instant deadline) {
        java.util.Map<String, List<ScheduleInfo>> out = new java.util.LinkedHashMap<>();
        for (String nip : nips) {
            out.put(nip, schedules(nip, from, to, deadline));
        }
        return out;
    }

    /**
     * Runs lookups with this service's own identity rather than the caller's token: for a report
     * whose caller this service has already authorized for the whole unit.
     */
    default <T> T asService(java.util.function.Supplier<T> lookups) {
        return lookups.get();
    }

    /** The NIPs of every officer of a unit, in NIP order (pages through policy-service). */
    List<String> officersOfUnit(String unitId, Instant deadline);

    /** Forgets everything cached (tests, and an operator after fixing data in policy-service). */
    void invalidateAll();
}
