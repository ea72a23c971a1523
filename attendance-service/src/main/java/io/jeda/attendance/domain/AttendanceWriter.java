package io.jeda.attendance.domain;

import java.util.concurrent.CompletableFuture;

/**
 * Where accepted check-ins and check-outs are stored. Each call answers with the outcome the
 * storing transaction decided; the database's unique keys (one event per officer and idempotency
 * key, one open check-in per officer) decide conflicts, never a read made beforehand.
 */
public interface AttendanceWriter {

    /** Stores a check-in and opens its session: Stored, Replayed, or Refused ALREADY_CHECKED_IN (or transiently). */
    WriteOutcome checkIn(AttendanceEvent event, OpenSession session);

    /**
     * Stores a check-out and closes the officer's open session: Stored (naming the check-in it
     * closed), Replayed, or Refused NOT_CHECKED_IN, CHECK_OUT_BEFORE_CHECK_IN (or transiently).
     */
    WriteOutcome checkOut(AttendanceEvent event);

    /**
     * {@link #checkIn}, answered when the outcome is known, without holding the calling thread
     * while the write waits for its commit.
     */
    default CompletableFuture<WriteOutcome> checkInLater(AttendanceEvent event, OpenSession session) {
        return CompletableFuture.completedFuture(checkIn(event, session));
    }

    /** {@link #checkOut}, answered when the outcome is known, without holding the calling thread. */
    default CompletableFuture<WriteOutcome> checkOutLater(AttendanceEvent event) {
        return CompletableFuture.completedFuture(checkOut(event));
    }
}
