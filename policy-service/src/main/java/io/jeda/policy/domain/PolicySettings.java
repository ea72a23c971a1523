package io.jeda.policy.domain;

import java.time.LocalTime;

/**
 * Every number of the working-time and FWA rules, from configuration ({@code jeda.policy.*} in
 * application.yml, each overridable by an environment variable, read by
 * the service's configuration factory). Defaults follow DESIGN.md and the
 * national rules; nothing here is a constant buried in code.
 */
public record PolicySettings(
        int weeklyWorkMinutes, int dailyWorkMinutes, LocalTime defaultStart, int breakMinutes,
        int fridayBreakMinutes, LocalTime startWindowBegin, LocalTime startWindowEnd, LocalTime coreStart,
        LocalTime coreEnd, int maxRemoteDaysPerWeek, LocalTime dayCloseTime,
        int ramadanWeeklyWorkMinutes, LocalTime ramadanStart, int ramadanBreakMinutes,
        int ramadanFridayBreakMinutes, int planMaxPeriodDays, int rosterMaxHoursPerWeek,
        int rosterMaxOverrideDays, int scheduleMaxRangeDays, int scheduleMaxBatchOfficers) {

    /** The defaults of DESIGN.md, for unit tests that run without a Micronaut context. */
    public static PolicySettings defaults() {
        return new PolicySettings(2250, 450, LocalTime.of(7, 30), 60, 90, LocalTime.of(7, 0), LocalTime.of(9, 0),
                LocalTime.of(9, 0), LocalTime.of(15, 0), 2, LocalTime.of(23, 59), 1950, LocalTime.of(8, 0), 30, 60,
                366, 56, 14, 31, 500);
    }
}
