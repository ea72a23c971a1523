package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides the time of record of an event from the server and device clocks.
 * <ul>
 *   <li>Within the allowed skew either way: the server time, no flag.</li>
 *   <li>Device ahead by more than the skew: the server time, flagged CLOCK_SKEW (a device cannot
 *       have recorded an event in the future, so its clock is wrong).</li>
 *   <li>Device behind by more than the skew but not more than the late-sync limit: an event made
 *       offline and synced late. The device time is the time of record, because it is the only
 *       record of when the officer was there; it is flagged LATE_SYNC and the server's receive time
 *       is stored beside it.</li>
 *   <li>Device behind by more than the limit: refused, LATE_SYNC_TOO_OLD.</li>
 * </ul>
 */
public final class TimeOfRecord {

    /** The chosen time and the flags the choice raised. */
    public record Decision(Instant recordTime, Set<Flag> flags) {
    }

    private TimeOfRecord() {
    }

    public static Decision decide(Instant deviceTime, Instant serverTime, AttendanceSettings s) {
        Duration behind = Duration.between(deviceTime, serverTime);
        if (behind.compareTo(s.lateSyncLimit()) > 0) {
            throw JedaException.failedPrecondition("LATE_SYNC_TOO_OLD",
                    "the event was recorded more than " + s.lateSyncLimit().toHours()
                            + " hours ago and can no longer be synced",
                    "deviceTime", deviceTime.toString(), "serverTime", serverTime.toString(),
                    "limitHours", Long.toString(s.lateSyncLimit().toHours()));
        }
        if (behind.compareTo(s.maxClockSkew()) > 0) {
            return new Decision(deviceTime, EnumSet.of(Flag.LATE_SYNC));
        }
        if (behind.negated().compareTo(s.maxClockSkew()) > 0) {
            return new Decision(serverTime, EnumSet.of(Flag.CLOCK_SKEW));
        }
        return new Decision(serverTime, EnumSet.noneOf(Flag.class));
    }
}
