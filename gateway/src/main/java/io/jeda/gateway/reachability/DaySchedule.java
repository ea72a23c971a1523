package io.jeda.gateway.reachability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An officer's effective schedule on one local date, as policy-service resolved it (plan, default,
 * leave, holiday, shift). The gateway never recomputes it; the policy client maps
 * {@code jeda.policy.v1.EffectiveSchedule} onto this record.
 *
 * @param date   the local date in {@code zone}
 * @param zone   the time zone of the officer's unit (WIB, WITA or WIT)
 * @param place  where the officer works; null when not working
 * @param work   the working window including breaks, as instants; null when not working. It may end
 *               on the next local date (night shift).
 * @param core   the core-hours window; null when the day has none
 * @param onCall on-call slots of this officer (as primary or backup) overlapping the local date
 */
public record DaySchedule(String nip, LocalDate date, ZoneId zone, boolean working, ScheduleReason reason,
                          WorkPlace place, TimeWindow work, TimeWindow core, List<OnCallSlot> onCall) {

    public DaySchedule {
        Objects.requireNonNull(nip, "nip");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reason, "reason");
        onCall = onCall == null ? List.of() : List.copyOf(onCall);
        if (working && work == null) {
            throw new IllegalArgumentException("a working day needs a work window: " + nip + " " + date);
        }
    }

    /**
     * Whether the instant lies in this day's working hours: the work window, or the core window
     * (normally inside the work window; counted on its own in case a position's core hours stick out).
     */
    public boolean inWorkingHours(Instant t) {
        return working && (work.contains(t) || (core != null && core.contains(t)));
    }
}
