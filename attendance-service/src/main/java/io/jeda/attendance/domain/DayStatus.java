package io.jeda.attendance.domain;

/** The one status an officer-day settles into. */
public enum DayStatus {
    /** The day has not closed yet (the unit's day-close time has not passed). */
    PENDING,
    PRESENT, LATE, EARLY_LEAVE, INCOMPLETE_HOURS, ABSENT, ON_LEAVE, HOLIDAY, OFF_DAY
}
