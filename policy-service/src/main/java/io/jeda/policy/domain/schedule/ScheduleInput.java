package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.roster.OnCallSlot;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Everything {@link ScheduleResolver} needs to resolve one officer on one local date, as plain
 * values. Lists may hold rows for other dates (and, for calendar days and Ramadan periods, rows
 * that do not apply to the officer): the resolver picks what applies, so callers can load a whole
 * batch or range at once and hand every officer the same lists.
 *
 * @param officerNip     the officer
 * @param unitId         the officer's unit
 * @param unitLineage    the officer's unit and all its ancestors, for agency days
 * @param zone           the unit's time zone
 * @param position       the officer's position
 * @param date           the local date to resolve
 * @param absences       the officer's leave and official travel
 * @param plans          the officer's APPROVED plans (others are ignored)
 * @param exceptions     the officer's APPROVED one-day exceptions (others are ignored)
 * @param calendarDays   holidays, collective leave and agency days
 * @param ramadanPeriods Ramadan periods
 * @param onCallSlots    on-call slots (those of other officers are ignored)
 */
public record ScheduleInput(String officerNip, String unitId, Set<String> unitLineage, ZoneId zone,
                            Position position, LocalDate date, List<Absence> absences, List<Plan> plans,
                            List<DayException> exceptions, List<CalendarDay> calendarDays,
                            List<RamadanPeriod> ramadanPeriods, List<OnCallSlot> onCallSlots) {
}
