package io.jeda.attendance.domain;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Every number of the attendance rules, from configuration ({@code jeda.attendance.*} in
 * application.yml, each overridable by an environment variable).
 *
 * @param maxClockSkew        a device time further than this from the server clock is flagged
 * @param maxAccuracyMeters   positions less accurate than this are refused
 * @param lateSyncLimit       events whose device time is older than this are refused
 * @param policyDeadline      the deadline of all policy-service calls made for one request
 * @param fallbackTimeZone    the zone used for the local date when policy-service cannot say
 *                            which zone the officer is in (corrected by reconciliation)
 * @param maxBatchOfficers    the most officers one batch status request may name
 * @param unitCacheTtl        how long a unit's time zone and offices are cached
 * @param officerCacheTtl     how long an officer's unit, manager and domicile are cached
 * @param scheduleCacheTtl    how long an officer's effective schedule for a date is cached
 * @param cacheMaxEntries     the bound of each cache
 * @param lateGrace           a first check-in later than the planned start by more than this is LATE
 * @param defaultDayClose     the local time a day closes when the unit's own cannot be read
 * @param lastCheckOutLookback how far back a status answer looks for the officer's last check-out
 */
public record AttendanceSettings(Duration maxClockSkew, double maxAccuracyMeters, Duration lateSyncLimit,
                                 Duration policyDeadline, ZoneId fallbackTimeZone, int maxBatchOfficers,
                                 Duration unitCacheTtl, Duration officerCacheTtl, Duration scheduleCacheTtl,
                                 long cacheMaxEntries, Duration lateGrace, LocalTime defaultDayClose,
                                 Duration lastCheckOutLookback) {

    /** Builds the settings (and the clock of record) from configuration. */
    @Factory
    static class FromConfiguration {
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

        /** The server clock is the time of record. */
        @Singleton
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** The defaults of the issue, for unit tests that run without a Micronaut context. */
    public static AttendanceSettings defaults() {
        return new AttendanceSettings(Duration.ofMinutes(5), 100, Duration.ofHours(72), Duration.ofMillis(800),
                ZoneId.of("Asia/Jakarta"), 500, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1),
                100_000, Duration.ZERO, LocalTime.of(23, 59), Duration.ofHours(48));
    }
}
