package io.jeda.policy.domain.request;

import io.jeda.common.error.JedaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The moves of a request and the date limits of leave and travel, without a server or database. */
class StaffRequestMovesTest {

    static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final StaffRequest.DateLimits LIMITS = new StaffRequest.DateLimits(0, 365, 90);

    static StaffRequest leave() {
        return StaffRequest.absence("r1", "199001012015011002", StaffRequestKind.LEAVE, TODAY, TODAY.plusDays(1),
                "cuti", TODAY, LIMITS, null, "officers/199001012015011002", AT);
    }

    static StaffRequest swap(boolean needsApproval) {
        return StaffRequest.swap("s1", "199001012015011002", "piket", "199102022016012003",
                AT.plusSeconds(3600), AT.plusSeconds(7200), needsApproval, "", null, "officers/x", AT);
    }

    static String reason(Runnable r) {
        return assertThrows(JedaException.class, r::run).reason();
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01,2026-03-01,DATE_IN_PAST", "2026-03-05,2026-03-04,INVALID_DATE_RANGE",
            "2027-03-03,2027-03-03,DATE_TOO_FAR", "2026-03-02,2026-05-31,ABSENCE_TOO_LONG"})
    void datesOutOfRangeAreRefused(LocalDate start, LocalDate end, String why) {
        assertEquals(why, reason(() -> StaffRequest.absence("r", "n", StaffRequestKind.OFFICIAL_TRAVEL, start, end,
                "", TODAY, LIMITS, null, "a", AT)));
    }

    @Test
    void theLimitsAreSettings() {
        StaffRequest.DateLimits lenient = new StaffRequest.DateLimits(7, 365, 90);
        assertEquals(StaffRequestState.AWAITING_MANAGER, StaffRequest.absence("r", "n", StaffRequestKind.LEAVE,
                TODAY.minusDays(7), TODAY, "", TODAY, lenient, null, "a", AT).state());
    }

    @Test
    void leaveIsDecidedOnce() {
        StaffRequest approved = leave().approve("officers/m", "abs1", AT);
        assertEquals(StaffRequestState.APPROVED, approved.state());
        assertEquals("abs1", approved.absenceId());
        assertEquals("ILLEGAL_TRANSITION", reason(() -> approved.approve("officers/m", "abs2", AT)));
        assertEquals("ILLEGAL_TRANSITION", reason(() -> approved.cancel("officers/o", AT)));
        assertEquals("REASON_REQUIRED", reason(() -> leave().reject(" ", "officers/m", AT)));
        assertEquals("NOT_A_SWAP", reason(() -> leave().accept("officers/c", AT)));
    }

    @Test
    void aSwapWaitsForTheManagerOnlyWhereTheRosterSaysSo() {
        assertEquals(StaffRequestState.APPROVED, swap(false).accept("officers/c", AT).state());
        StaffRequest accepted = swap(true).accept("officers/c", AT);
        assertEquals(StaffRequestState.AWAITING_MANAGER, accepted.state());
        assertEquals(StaffRequestState.APPROVED, accepted.approve("officers/m", null, AT).state());
        assertEquals("ILLEGAL_TRANSITION", reason(() -> swap(true).approve("officers/m", null, AT)));
        assertEquals(StaffRequestState.DECLINED, swap(true).decline("sedang dinas", "officers/c", AT).state());
        assertEquals("TURN_STARTED", reason(() -> StaffRequest.swap("s", "a", "p", "b", AT, AT.plusSeconds(60),
                false, "", null, "x", AT)));
    }
}
