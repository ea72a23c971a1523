package io.jeda.policy;

import io.grpc.Status;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.GrpcAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A one-day exception obeys the week's remote-day cap: the officer's approved plan has two home
 * days (Wednesday and Friday) and the position allows two a week, so a home day on Thursday of the
 * same week is refused, while swapping a home day for another is not.
 */
class DayExceptionWeekCapTest extends PlanEndpointTestBase {

    /** A week inside the plan: Monday 2026-03-16 to Sunday 2026-03-22. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 18);
    static final LocalDate THURSDAY = LocalDate.of(2026, 3, 19);

    @BeforeEach
    void planWithTwoHomeDays() {
        approved(OFFICER);
    }

    private CreateDayExceptionRequest request(LocalDate date, WorkPlace place, boolean validateOnly) {
        return CreateDayExceptionRequest.newBuilder().setParent("officers/" + OFFICER)
                .setDayException(DayException.newBuilder().setDate(date(date)).setPlace(place).setNote("urusan keluarga"))
                .setValidateOnly(validateOnly).build();
    }

    @Test
    void aThirdHomeDayInTheWeekIsRefused() {
        GrpcAssertions.Failure f = assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                () -> officer().createDayException(request(THURSDAY, WorkPlace.WORK_PLACE_HOME, false)));
        assertEquals(List.of("REMOTE_DAYS_EXCEEDED"), GrpcErrors.violationTypes(f.exception()));
        assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                () -> officer().createDayException(request(THURSDAY, WorkPlace.WORK_PLACE_HOME, true)));
    }

    @Test
    void swappingAHomeDayKeepsTheWeekWithinTheCap() {
        DayException office = officer().createDayException(request(WEDNESDAY, WorkPlace.WORK_PLACE_OFFICE, false));
        // While Wednesday's swap waits for the manager, the week still has its two home days.
        assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                () -> officer().createDayException(request(THURSDAY, WorkPlace.WORK_PLACE_HOME, false)));
        manager().approveDayException(ApproveDayExceptionRequest.newBuilder().setName(office.getName()).build());
        DayException home = officer().createDayException(request(THURSDAY, WorkPlace.WORK_PLACE_HOME, false));
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, home.getState());
    }
}
