package io.jeda.gateway.reachability;

/**
 * Why an officer works or does not work on a date. Mirrors policy-service's
 * {@code jeda.policy.v1.ScheduleReason} (without the UNSPECIFIED zero value) so that the engine stays
 * free of generated protobuf types; the policy client maps one onto the other.
 */
public enum ScheduleReason {
    PLAN, EXCEPTION, POSITION_DEFAULT, WEEKEND, NATIONAL_HOLIDAY, COLLECTIVE_LEAVE, AGENCY_DAY, LEAVE,
    OFFICIAL_TRAVEL, SHIFT;

    /** The day off is a holiday of the calendar (as opposed to a personal day off or a weekend). */
    public boolean isHoliday() {
        return this == NATIONAL_HOLIDAY || this == COLLECTIVE_LEAVE || this == AGENCY_DAY;
    }
}
