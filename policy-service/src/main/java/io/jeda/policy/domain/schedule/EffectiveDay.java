package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What one officer's local date resolves to once plans, exceptions, defaults, calendars, leave,
 * travel, Ramadan hours and shifts are applied: the single answer every other part of Jeda asks
 * for instead of applying the rules itself.
 *
 * @param officerNip    the officer
 * @param unitId        the officer's unit, whose time zone is {@code zone}
 * @param date          the local date in {@code zone}
 * @param zone          the unit's time zone
 * @param working       whether the officer works on the date
 * @param reason        the rule that decided the day
 * @param place         where the officer works; null when not working
 * @param allowedPlaces check-in modes allowed on the date; empty when not working
 * @param work          the working window including breaks; null when not working
 * @param core          the core-hours window inside the working window; null when not working or none applies
 * @param workMinutes   minutes of work due excluding breaks; 0 when not working
 * @param ramadan       whether Ramadan hours apply
 * @param planId        the approved plan in force on the date, or null
 * @param onCall        the officer's on-call slots overlapping the local day
 * @param description   a sentence a person can read (Indonesian)
 */
public record EffectiveDay(String officerNip, String unitId, LocalDate date, ZoneId zone, boolean working,
                           ScheduleReason reason, @Nullable WorkPlace place, List<WorkPlace> allowedPlaces,
                           @Nullable ScheduleWindow work, @Nullable ScheduleWindow core, int workMinutes,
                           boolean ramadan, @Nullable String planId, List<OnCallSlot> onCall,
                           String description) {

    public EffectiveDay {
        allowedPlaces = List.copyOf(allowedPlaces);
        onCall = List.copyOf(onCall);
    }
}
