package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.WorkPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The moves of a one-day exception in each of its states, without a server or a database. */
class DayExceptionMovesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant CREATED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T05:00:00Z");

    private static DayException in(PlanState state) {
        DayException e = DayException.request("e1", "198501012010011001", TODAY.plusDays(3), WorkPlace.HOME, null,
                "", TODAY, CREATED);
        return new DayException(e.id(), e.officerNip(), e.onDate(), e.place(), e.startTime(), state, e.note(), "",
                CREATED, CREATED, 0);
    }

    @ParameterizedTest(name = "approve and reject an exception that is {0}")
    @EnumSource(value = PlanState.class, names = {"SUBMITTED", "APPROVED", "REJECTED"})
    void onlyASubmittedExceptionIsDecided(PlanState state) {
        DayException e = in(state);
        if (state == PlanState.SUBMITTED) {
            DayException approved = e.approve(NOW);
            assertEquals(PlanState.APPROVED, approved.state());
            assertEquals(NOW, approved.updatedAt());
            DayException rejected = e.reject(" full office that week ", NOW);
            assertEquals(PlanState.REJECTED, rejected.state());
            assertEquals("full office that week", rejected.decisionReason());
            return;
        }
        IllegalTransitionException a = assertThrows(IllegalTransitionException.class, () -> e.approve(NOW));
        assertEquals(state, a.from());
        assertEquals(PlanState.APPROVED, a.to());
        assertEquals("dayExceptions/e1", a.metadata().get("name"));
        IllegalTransitionException r = assertThrows(IllegalTransitionException.class, () -> e.reject("no", NOW));
        assertEquals(PlanState.REJECTED, r.to());
        assertEquals("REASON_REQUIRED", assertThrows(JedaException.class, () -> e.reject("", NOW)).reason(),
                "the reason is checked before the state");
    }

    @Test
    void aRequestStartsSubmittedAndNeverForADayThatHasPassed() {
        DayException e = DayException.request("e2", "198501012010011001", TODAY, WorkPlace.OFFICE, null, " swap ",
                TODAY, CREATED);
        assertEquals(PlanState.SUBMITTED, e.state());
        assertEquals("swap", e.note());
        JedaException past = assertThrows(JedaException.class, () -> DayException.request("e3",
                "198501012010011001", TODAY.minusDays(1), WorkPlace.HOME, null, "", TODAY, CREATED));
        assertEquals("DATE_IN_PAST", past.reason());
        assertEquals(TODAY.toString(), past.metadata().get("today"));
    }
}
