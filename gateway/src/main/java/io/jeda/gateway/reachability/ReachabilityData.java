package io.jeda.gateway.reachability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The port through which the engine reads everything it needs; the gateway's clients of
 * policy-service and attendance-service (with their caches and deadlines) implement it.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>never throw for a slow, failing or absent service: return {@link Sourced#unavailable(String)}
 *       naming the service ({@link Sources}); the engine must answer within the caller's deadline;</li>
 *   <li>{@link Sourced#of(Object) Sourced.of(null)} means the service answered "no such thing";</li>
 *   <li>calls are blocking and may be repeated for the same key within one answer (yesterday's schedule
 *       serves both the rest rule and the current shift), so implementations should cache;</li>
 *   <li>all instants are UTC, local dates are in the officer's zone.</li>
 * </ul>
 */
public interface ReachabilityData {

    /**
     * A hint, given before an officer is assessed, that the answer will read the officer, their
     * attendance and their schedules from {@code daysBefore} local dates before T's (in the
     * officer's zone) to {@code daysAfter} after it: an implementation may read them all at once
     * (one policy-service call, with the attendance read alongside) so that the reads that follow
     * are answered from its cache. Never throws; the default does nothing.
     */
    default void readAhead(String nip, Instant t, int daysBefore, int daysAfter) {
    }

    /** The officer's zone, unit and manager (policy-service); {@code of(null)} for an unknown NIP. */
    Sourced<OfficerProfile> officer(String nip);

    /** The effective schedule of the officer on a local date (policy-service). */
    Sourced<DaySchedule> schedule(String nip, LocalDate date);

    /**
     * Effective schedules of consecutive dates from {@code from}, for looking ahead to the next
     * working window. The default asks day by day and stops at the first unavailable day; a client
     * should override it with one ranged call (ListEffectiveSchedules). The answered list may be
     * shorter than {@code days} only when a day was unavailable.
     */
    default Sourced<List<DaySchedule>> schedules(String nip, LocalDate from, int days) {
        List<DaySchedule> out = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            Sourced<DaySchedule> day = schedule(nip, from.plusDays(i));
            if (!day.available()) {
                return Sourced.unavailable(day.unavailableSource());
            }
            day.present().ifPresent(out::add);
        }
        return Sourced.of(out);
    }

    /** The officer's open check-in and last check-out (attendance-service). */
    Sourced<AttendanceNow> attendance(String nip);

    /**
     * The slots covering the instant of every on-call roster of the unit (policy-service, one
     * ListOnCallSlots per roster of the unit), ordered by roster id; empty when the unit has none.
     */
    Sourced<List<OnCallSlot>> onCallSlots(String unitId, Instant at);

    /**
     * Officers named as the officer's backup in roster memberships (RosterMember.backup_officer),
     * in a stable order; empty when none.
     */
    Sourced<List<String>> namedBackups(String nip);
}
