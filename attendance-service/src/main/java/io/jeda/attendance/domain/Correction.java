package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An officer's request to fix one of their days, and the manager's decision on it. The recorded
 * events are never touched: an APPROVED correction is laid over them when the day is settled
 * ({@link CorrectionOverlay}). Times are local to {@code timeZone}.
 *
 * @param managerNip  the direct manager on record when the officer asked (the inbox it lands in)
 * @param mode        the mode the day's check-ins should have had, or null to keep them
 * @param pendingDate the date while PENDING, null once decided (one pending correction a day)
 */
@MappedEntity("attendance_correction")
public record Correction(@Id String id, String officerNip, LocalDate localDate, String timeZone,
                         @Nullable String unitId, @Nullable String managerNip, @Nullable LocalTime checkInTime,
                         @Nullable LocalTime checkOutTime, @Nullable AttendanceMode mode, String reason,
                         CorrectionState state, String requestId, String fingerprint, Instant createdAt,
                         @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason,
                         @Nullable LocalDate pendingDate) {

    /**
     * This correction approved by the manager.
     *
     * @throws JedaException FAILED_PRECONDITION CORRECTION_ALREADY_DECIDED when it was rejected
     */
    public Correction approve(String managerNip, Instant at, @Nullable String note) {
        CorrectionRules.requireLength(note, "reason", false);
        requirePending(CorrectionState.APPROVED);
        return decided(CorrectionState.APPROVED, managerNip, at, note == null || note.isBlank() ? null : note.strip());
    }

    /**
     * This correction rejected by the manager, with a reason.
     *
     * @throws JedaException INVALID_ARGUMENT REASON_REQUIRED without a reason; FAILED_PRECONDITION
     *                       CORRECTION_ALREADY_DECIDED when it was decided already
     */
    public Correction reject(String managerNip, Instant at, String why) {
        CorrectionRules.requireLength(why, "reason", true);
        requirePending(CorrectionState.REJECTED);
        return decided(CorrectionState.REJECTED, managerNip, at, why.strip());
    }

    private void requirePending(CorrectionState to) {
        if (state != CorrectionState.PENDING) {
            throw JedaException.failedPrecondition("CORRECTION_ALREADY_DECIDED",
                    "the correction was already " + state.name().toLowerCase() + "; it cannot be "
                            + to.name().toLowerCase() + " now",
                    "name", "attendanceCorrections/" + id, "state", state.name());
        }
    }

    private Correction decided(CorrectionState to, String by, Instant at, @Nullable String why) {
        return new Correction(id, officerNip, localDate, timeZone, unitId, managerNip, checkInTime, checkOutTime,
                mode, reason, to, requestId, fingerprint, createdAt, by, at, why, null);
    }

    /** Whether a request with this content is a retry of this correction. */
    public boolean sameRequest(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }
}
