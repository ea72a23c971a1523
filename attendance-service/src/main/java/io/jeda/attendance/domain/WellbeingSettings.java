package io.jeda.attendance.domain;

import java.time.Duration;

/**
 * The numbers the wellbeing report counts against ({@code jeda.attendance.wellbeing.*}).
 *
 * @param minimumRest       a rest between two working days shorter than this is a short rest (default 11 h,
 *                          the minimum rest of the reachability rules)
 * @param lateCheckOutGrace a check-out later than the planned end by more than this is a late check-out
 * @param policyDeadline    the deadline of the policy-service lookups of one report (a month of schedules)
 */
public record WellbeingSettings(Duration minimumRest, Duration lateCheckOutGrace, Duration policyDeadline) {

    public static WellbeingSettings defaults() {
        return new WellbeingSettings(Duration.ofHours(11), Duration.ofMinutes(30), Duration.ofSeconds(5));
    }
}
