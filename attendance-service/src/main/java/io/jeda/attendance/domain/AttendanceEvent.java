package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One accepted check-in or check-out. The position is personal data: it is returned only to the
 * officer themself (and in audited HR exports). Automatic check-outs have no position.
 *
 * @param recordTime  the time of record: the server's receive time, or the device time for a late sync
 * @param fingerprint hash of the request's semantic fields, to tell a retry from a reused key
 * @param flags       comma-separated {@link Flag} names; see {@link #flagSet()}
 * @param checkInId   for a check-out, the check-in it closes
 */
@MappedEntity("attendance_event")
public record AttendanceEvent(@Id String id, String officerNip, EventKind kind, AttendanceMode mode,
                              String idempotencyKey, String fingerprint, Instant recordTime, Instant deviceTime,
                              Instant receiveTime, LocalDate localDate, String timeZone, @Nullable String unitId,
                              @Nullable Double latitude, @Nullable Double longitude, @Nullable Double accuracyMeters, String deviceId,
                              String flags, Verification verification, @Nullable String violation,
                              @Nullable String checkInId) {

    /**
     * This check-out as it closes the given open check-in.
     *
     * @throws JedaException NOT_CHECKED_IN when the check-out names another check-in (the one it
     *                       meant was closed meanwhile); CHECK_OUT_BEFORE_CHECK_IN when its time of
     *                       record is earlier than the check-in's
     */
    public AttendanceEvent closing(String openCheckInId, Instant checkedInAt) {
        if (checkInId != null && !checkInId.equals(openCheckInId)) {
            throw notCheckedIn();
        }
        if (recordTime.isBefore(checkedInAt)) {
            throw JedaException.failedPrecondition("CHECK_OUT_BEFORE_CHECK_IN",
                    "the check-out time " + recordTime + " is before the open check-in at " + checkedInAt,
                    "record_time", recordTime.toString(), "check_in_time", checkedInAt.toString());
        }
        return new AttendanceEvent(id, officerNip, kind, mode, idempotencyKey, fingerprint, recordTime, deviceTime,
                receiveTime, localDate, timeZone, unitId, latitude, longitude, accuracyMeters, deviceId, flags,
                verification, violation, openCheckInId);
    }

    public static JedaException notCheckedIn() {
        return JedaException.failedPrecondition("NOT_CHECKED_IN", "the officer has no open check-in to close");
    }

    public Set<Flag> flagSet() {
        return Flag.parse(flags);
    }

    /** The device position, or null for an automatic check-out. */
    @Nullable
    public Position position() {
        return latitude == null ? null : new Position(latitude, longitude, accuracyMeters);
    }
}
