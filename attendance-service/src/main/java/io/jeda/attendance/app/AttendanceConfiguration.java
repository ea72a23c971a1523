package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The attendance rules' numbers ({@code jeda.attendance.*} in application.yml, each overridable by
 * an environment variable) and the clock of record.
 */
@Factory
public class AttendanceConfiguration {

    /** The settings of the rules. */
    @Singleton
    AttendanceSettings attendanceSettings(
            @Value("${jeda.attendance.max-clock-skew:5m}") Duration maxClockSkew,
            @Value("${jeda.attendance.max-accuracy-meters:100}") double maxAccuracyMeters,
            @Value("${jeda.attendance.late-sync-limit:72h}") Duration lateSyncLimit,
            @Value("${jeda.attendance.policy.deadline-ms:800}") long policyDeadlineMs,
            @Value("${jeda.attendance.fallback-time-zone:Asia/Jakarta}") String fallbackTimeZone,
            @Value("${jeda.attendance.max-batch-officers:500}") int maxBatchOfficers,
            @Value("${jeda.attendance.policy.cache.unit-ttl:5m}") Duration unitCacheTtl,
            @Value("${jeda.attendance.policy.cache.officer-ttl:1m}") Duration officerCacheTtl,
            @Value("${jeda.attendance.policy.cache.schedule-ttl:1m}") Duration scheduleCacheTtl,
            @Value("${jeda.attendance.policy.cache.max-entries:100000}") long cacheMaxEntries,
            @Value("${jeda.attendance.day.late-grace:0m}") Duration lateGrace,
            @Value("${jeda.attendance.day.default-close-time:`23:59`}") String defaultDayClose,
            @Value("${jeda.attendance.last-check-out-lookback:48h}") Duration lastCheckOutLookback) {
        return new AttendanceSettings(maxClockSkew, maxAccuracyMeters, lateSyncLimit,
                Duration.ofMillis(policyDeadlineMs), ZoneId.of(fallbackTimeZone), maxBatchOfficers,
                unitCacheTtl, officerCacheTtl, scheduleCacheTtl, cacheMaxEntries, lateGrace,
                LocalTime.parse(defaultDayClose), lastCheckOutLookback);
    }

    /** The numbers of the wellbeing report ({@code jeda.attendance.wellbeing.*}). */
    @Singleton
    io.jeda.attendance.domain.WellbeingSettings wellbeingSettings(
            @Value("${jeda.attendance.wellbeing.minimum-rest:11h}") Duration minimumRest,
            @Value("${jeda.attendance.wellbeing.late-check-out-grace:30m}") Duration lateCheckOutGrace,
            @Value("${jeda.attendance.wellbeing.policy-deadline:5s}") Duration policyDeadline) {
        return new io.jeda.attendance.domain.WellbeingSettings(minimumRest, lateCheckOutGrace, policyDeadline);
    }

    /** The server clock is the time of record. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
