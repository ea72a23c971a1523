package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
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
     * Why this check-out cannot close the given open check-in, if it cannot: NOT_CHECKED_IN when
     * it names another check-in (the one it meant was closed meanwhile), CHECK_OUT_BEFORE_CHECK_IN
     * when its time of record is earlier than the check-in's.
     */
    public Optional<WriteOutcome.Refused> refusalToClose(String openCheckInId, Instant checkedInAt) {
        if (checkInId != null && !checkInId.equals(openCheckInId)) {
            return Optional.of(new WriteOutcome.Refused(WriteOutcome.Reason.NOT_CHECKED_IN));
        }
        if (recordTime.isBefore(checkedInAt)) {
            return Optional.of(new WriteOutcome.Refused(WriteOutcome.Reason.CHECK_OUT_BEFORE_CHECK_IN,
                    Map.of("recordTime", recordTime.toString(), "checkInTime", checkedInAt.toString())));
        }
        return Optional.empty();
    }

    /** This check-out as it closes the given open check-in (see {@link #refusalToClose} first). */
    public AttendanceEvent closing(String openCheckInId) {
        return new AttendanceEvent(id, officerNip, kind, mode, idempotencyKey, fingerprint, recordTime, deviceTime,
                receiveTime, localDate, timeZone, unitId, latitude, longitude, accuracyMeters, deviceId, flags,
                verification, violation, openCheckInId);
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
