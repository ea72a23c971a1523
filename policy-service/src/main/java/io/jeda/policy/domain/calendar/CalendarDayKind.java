package io.jeda.policy.domain.calendar;

/** Days on which nobody but shift workers works. */
public enum CalendarDayKind {
    NATIONAL_HOLIDAY, COLLECTIVE_LEAVE, AGENCY_DAY
}
