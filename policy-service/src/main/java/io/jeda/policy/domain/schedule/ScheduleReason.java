package io.jeda.policy.domain.schedule;

/**
 * Why an officer works or does not work on a local date. The effective schedule always names the
 * one rule that decided the day, so that people and other services can explain it.
 */
public enum ScheduleReason {
    /** An approved FWA plan in force sets the day. */
    PLAN,
    /** An approved one-day exception sets the day. */
    EXCEPTION,
    /** No plan: the position's default working day at the office. */
    POSITION_DEFAULT,
    /** Saturday, Sunday, or a weekday the plan in force leaves free. */
    WEEKEND,
    /** A national holiday. */
    NATIONAL_HOLIDAY,
    /** Collective leave (cuti bersama). */
    COLLECTIVE_LEAVE,
    /** A day off set by the agency for the officer's unit or one of its parent units. */
    AGENCY_DAY,
    /** The officer is on leave (cuti). */
    LEAVE,
    /** The officer is on official travel (dinas luar): working, away from the office. */
    OFFICIAL_TRAVEL,
    /** A shift set by a SHIFT position's plan; holidays and weekends do not stop shifts. */
    SHIFT
}
