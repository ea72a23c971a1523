package io.jeda.attendance.domain;

import io.jeda.attendance.domain.WriteOutcome.Reason;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a check-out may close, and how each outcome of a write reaches the caller. */
class WriteOutcomeTest {

    private static final Instant NINE = Instant.parse("2026-03-02T02:00:00Z");

    private static AttendanceEvent checkOut(Instant at, String checkInId) {
        return new AttendanceEvent("out-1", "198503152010011001", EventKind.CHECK_OUT, AttendanceMode.OFFICE, "k",
                "f", at, at, at, LocalDate.of(2026, 3, 2), "Asia/Jakarta", null, 0.0, 0.0, 5.0, "phone", "",
                Verification.VERIFIED, null, checkInId);
    }

    @Test
    void aCheckOutClosesTheOpenCheckInItFollows() {
        AttendanceEvent out = checkOut(NINE.plusSeconds(3600), null);
        assertEquals(Optional.empty(), out.refusalToClose("in-1", NINE));
        assertEquals("in-1", out.closing("in-1").checkInId());
        // Closing at the very second of the check-in is allowed.
        assertEquals(Optional.empty(), checkOut(NINE, null).refusalToClose("in-1", NINE));
    }

    @Test
    void aCheckOutBeforeItsCheckInIsRefusedWithBothTimes() {
        WriteOutcome.Refused r = checkOut(NINE.minusSeconds(1), null).refusalToClose("in-1", NINE).orElseThrow();
        assertEquals(Reason.CHECK_OUT_BEFORE_CHECK_IN, r.reason());
        assertEquals(Map.of("recordTime", NINE.minusSeconds(1).toString(), "checkInTime", NINE.toString()),
                r.details());
        JedaException e = r.toException();
        assertEquals(r.details(), e.metadata());
        assertTrue(e.getMessage().contains(NINE.toString()), e.getMessage());
    }

    @Test
    void anAutomaticCheckOutOfAnotherCheckInFindsNothingToClose() {
        assertEquals(Reason.NOT_CHECKED_IN,
                checkOut(NINE.plusSeconds(60), "in-0").refusalToClose("in-1", NINE).orElseThrow().reason());
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void aRefusalIsTransientExactlyWhenARetryMaySucceed(Reason reason) {
        JedaException e = new WriteOutcome.Refused(reason).toException();
        assertEquals(reason.name(), e.reason());
        switch (reason) {
            case ALREADY_CHECKED_IN, NOT_CHECKED_IN, CHECK_OUT_BEFORE_CHECK_IN -> {
                assertFalse(reason.isTransient());
                assertEquals(ErrorKind.FAILED_PRECONDITION, e.kind());
            }
            case WRITE_QUEUE_FULL -> {
                assertTrue(reason.isTransient());
                assertEquals(ErrorKind.RESOURCE_EXHAUSTED, e.kind());
            }
            case WRITE_TIMEOUT, WRITER_STOPPED -> {
                assertTrue(reason.isTransient());
                assertEquals(ErrorKind.UNAVAILABLE, e.kind());
            }
        }
    }

    @Test
    void eachOutcomeReachesItsOwnBranch() {
        AttendanceEvent e = checkOut(NINE, null);
        assertEquals("stored", new WriteOutcome.Stored(e).fold(s -> "stored", r -> "replayed", r -> "refused"));
        assertEquals("replayed", new WriteOutcome.Replayed(e).fold(s -> "stored", r -> "replayed", r -> "refused"));
        assertEquals("refused", new WriteOutcome.Refused(Reason.NOT_CHECKED_IN)
                .fold(s -> "stored", r -> "replayed", r -> "refused"));
    }
}
