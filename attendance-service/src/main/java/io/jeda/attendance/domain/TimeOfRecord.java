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
 * A device that sent its clock offset at its last contact with the server is checked against it
 * too ({@link #contradicts}): flagged DEVICE_CLOCK_CHANGED when the two disagree.
 */
public final class TimeOfRecord {

    /** The chosen time and the flags the choice raised. */
    public record Decision(Instant recordTime, Set<Flag> flags) {
    }

    private TimeOfRecord() {
    }

    /** As {@link #decide(Instant, Instant, AttendanceSettings)}, and the device clock check. */
    public static Decision decide(Instant deviceTime, CheckCommand.DeviceClock clock, Instant serverTime,
                                  AttendanceSettings s) {
        Decision d = decide(deviceTime, serverTime, s);
        if (clock == null || !contradicts(deviceTime, clock, serverTime, s.maxClockSkew())) {
            return d;
        }
        Set<Flag> flags = EnumSet.of(Flag.DEVICE_CLOCK_CHANGED);
        flags.addAll(d.flags());
        return new Decision(d.recordTime(), flags);
    }

    /**
     * Whether a device time contradicts the offset the device saw at its last contact: the device
     * time corrected by that offset is the server time of the event, which cannot lie before that
     * contact (the device remembered it before the event) nor after the server received the event.
     * A device whose clock was set back or forward after that contact fails one of the two.
     *
     * @param tolerance how far either may be off (clock drift, the offset's own error)
     */
    public static boolean contradicts(Instant deviceTime, CheckCommand.DeviceClock clock, Instant serverTime,
                                      Duration tolerance) {
        Instant corrected = deviceTime.plus(clock.offset());
        return corrected.isBefore(clock.lastContact().minus(tolerance)) || corrected.isAfter(serverTime.plus(tolerance));
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
