package io.jeda.attendance.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Every number of the attendance rules (read from configuration by
 * {@code io.jeda.attendance.app.AttendanceConfiguration}).
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

    /** The defaults of the issue, for unit tests that run without a Micronaut context. */
    public static AttendanceSettings defaults() {
        return new AttendanceSettings(Duration.ofMinutes(5), 100, Duration.ofHours(72), Duration.ofMillis(800),
                ZoneId.of("Asia/Jakarta"), 500, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1),
                100_000, Duration.ZERO, LocalTime.of(23, 59), Duration.ofHours(48));
    }
}
