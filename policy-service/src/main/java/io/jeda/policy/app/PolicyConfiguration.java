package io.jeda.policy.app;

import io.jeda.policy.domain.PolicySettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalTime;

/** Builds the {@link PolicySettings} from configuration ({@code jeda.policy.*} in application.yml). */
@Factory
public class PolicyConfiguration {

    @Singleton
    PolicySettings policySettings(
        @Value("${jeda.policy.defaults.weekly-work-minutes:2250}") int weeklyWorkMinutes,
        @Value("${jeda.policy.defaults.daily-work-minutes:450}") int dailyWorkMinutes,
        @Value("${jeda.policy.defaults.start:`07:30`}") String defaultStart,
        @Value("${jeda.policy.defaults.break-minutes:60}") int breakMinutes,
        @Value("${jeda.policy.defaults.friday-break-minutes:90}") int fridayBreakMinutes,
        @Value("${jeda.policy.defaults.start-window-begin:`07:00`}") String startWindowBegin,
        @Value("${jeda.policy.defaults.start-window-end:`09:00`}") String startWindowEnd,
        @Value("${jeda.policy.defaults.core-start:`09:00`}") String coreStart,
        @Value("${jeda.policy.defaults.core-end:`15:00`}") String coreEnd,
        @Value("${jeda.policy.defaults.max-remote-days-per-week:2}") int maxRemoteDaysPerWeek,
        @Value("${jeda.policy.defaults.day-close-time:`23:59`}") String dayCloseTime,
        @Value("${jeda.policy.ramadan.weekly-work-minutes:1950}") int ramadanWeeklyWorkMinutes,
        @Value("${jeda.policy.ramadan.start:`08:00`}") String ramadanStart,
        @Value("${jeda.policy.ramadan.break-minutes:30}") int ramadanBreakMinutes,
        @Value("${jeda.policy.ramadan.friday-break-minutes:60}") int ramadanFridayBreakMinutes,
        @Value("${jeda.policy.plans.max-period-days:366}") int planMaxPeriodDays,
        @Value("${jeda.policy.rosters.max-hours-per-week:56}") int rosterMaxHoursPerWeek,
        @Value("${jeda.policy.rosters.max-override-days:14}") int rosterMaxOverrideDays,
        @Value("${jeda.policy.schedule.max-range-days:31}") int scheduleMaxRangeDays,
        @Value("${jeda.policy.schedule.max-batch-officers:500}") int scheduleMaxBatchOfficers) {
    return new PolicySettings(weeklyWorkMinutes, dailyWorkMinutes, LocalTime.parse(defaultStart), breakMinutes, fridayBreakMinutes,
            LocalTime.parse(startWindowBegin), LocalTime.parse(startWindowEnd), LocalTime.parse(coreStart),
            LocalTime.parse(coreEnd), maxRemoteDaysPerWeek, LocalTime.parse(dayCloseTime),
            ramadanWeeklyWorkMinutes, LocalTime.parse(ramadanStart), ramadanBreakMinutes,
            ramadanFridayBreakMinutes, planMaxPeriodDays, rosterMaxHoursPerWeek, rosterMaxOverrideDays,
            scheduleMaxRangeDays, scheduleMaxBatchOfficers);
    }
}
