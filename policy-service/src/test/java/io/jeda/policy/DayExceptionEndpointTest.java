package io.jeda.policy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.GrpcAssertions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-day exceptions through the real PlanService stubs: request, approve, reject, list. */
class DayExceptionEndpointTest extends PlanEndpointTestBase {

    static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);

    DayException request(PlanServiceGrpc.PlanServiceBlockingStub stub, String nip, LocalDate date, WorkPlace place) {
        return stub.createDayException(CreateDayExceptionRequest.newBuilder().setParent("officers/" + nip)
                .setDayException(DayException.newBuilder().setDate(date(date)).setPlace(place)
                        .setNote("the plumber comes on Thursday"))
                .build());
    }

    DayException request(LocalDate date, WorkPlace place) {
        return request(officer(), OFFICER, date, place);
    }

    @Test
    void anExceptionStartsSubmittedAndTheManagerApprovesIt() {
        DayException e = request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, e.getState());
        assertTrue(e.getName().startsWith("dayExceptions/"));
        assertEquals("officers/" + OFFICER, e.getOfficer());
        assertFalse(e.hasStartTime());

        DayException approved = manager().approveDayException(ApproveDayExceptionRequest.newBuilder()
                .setName(e.getName()).build());
        assertEquals(PlanState.PLAN_STATE_APPROVED, approved.getState());

        // Decided once: a second decision is an illegal transition.
        GrpcAssertions.Failure err = assertFails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () ->
                manager().rejectDayException(RejectDayExceptionRequest.newBuilder().setName(e.getName())
                        .setReason("changed my mind").build()));
        assertEquals("APPROVED", err.metadata().get("from"));
    }

    @Test
    void rejectNeedsAReasonAndFreesTheDate() {
        DayException e = request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () -> manager().rejectDayException(
                RejectDayExceptionRequest.newBuilder().setName(e.getName()).build()));

        DayException rejected = manager().rejectDayException(RejectDayExceptionRequest.newBuilder()
                .setName(e.getName()).setReason("the minister visits on Thursday").build());
        assertEquals(PlanState.PLAN_STATE_REJECTED, rejected.getState());
        assertEquals("the minister visits on Thursday", rejected.getDecisionReason());

        assertFails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> manager().approveDayException(
                ApproveDayExceptionRequest.newBuilder().setName(e.getName()).build()));
        // A rejected request does not hold the date: the officer may ask again.
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, request(THURSDAY, WorkPlace.WORK_PLACE_OFFICE).getState());
    }

    @Test
    void oneHeldExceptionPerDate() {
        request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_EXISTS", () -> request(THURSDAY, WorkPlace.WORK_PLACE_OFFICE));
        // Another officer's exception on the same date is theirs alone.
        request(as(COLLEAGUE, Role.OFFICER), COLLEAGUE, THURSDAY, WorkPlace.WORK_PLACE_HOME);
    }

    @Test
    void simultaneousRequestsForOneDateStoreOne() throws Exception {
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> outcomes = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
                        return "stored";
                    } catch (StatusRuntimeException e) {
                        return GrpcErrors.errorInfo(e).map(x -> x.getReason()).orElse(e.getStatus().getCode().name());
                    }
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<String> f : results) {
                outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outcomes.stream().filter("stored"::equals).count(), outcomes.toString());
        assertEquals(n - 1, outcomes.stream().filter("EXCEPTION_EXISTS"::equals).count(), outcomes.toString());
        assertEquals(1, officer().listDayExceptions(ListDayExceptionsRequest.newBuilder()
                .setParent("officers/" + OFFICER).build()).getDayExceptionsCount());
    }

    @Test
    void theRulesOfThePositionAndTheOfficerApply() {
        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY", () ->
                request(THURSDAY, WorkPlace.WORK_PLACE_OTHER));
        assertEquals(List.of("PLACE_NOT_ALLOWED"), GrpcErrors.violationTypes(e.exception()));

        Officer o = officers.findById(OFFICER).orElseThrow();
        officers.update(new Officer(o.nip(), o.displayName(), o.unitId(), o.positionId(), o.managerNip(), null, null,
                null, THURSDAY, null, o.createdAt(), o.updatedAt()));
        e = assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY", () ->
                request(THURSDAY, WorkPlace.WORK_PLACE_HOME));
        assertEquals(List.of("OFFICER_NOT_ELIGIBLE"), GrpcErrors.violationTypes(e.exception()));
        // The day after the penalty ends the officer may work from home again.
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, request(THURSDAY.plusDays(1), WorkPlace.WORK_PLACE_HOME).getState());
    }

    @Test
    void aDateInTheOfficersPastIsRefused() {
        // Monday 2 March 08:00 in Jakarta: Sunday is past, today is not.
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_IN_PAST", () -> request(LocalDate.of(2026, 3, 1),
                WorkPlace.WORK_PLACE_HOME));
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, request(LocalDate.of(2026, 3, 2), WorkPlace.WORK_PLACE_HOME)
                .getState());
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> request(THURSDAY, WorkPlace.WORK_PLACE_UNSPECIFIED));
    }

    @Test
    void onlyTheOfficerAsksAndOnlyTheDirectManagerDecides() {
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_OWNER", () -> request(manager(), OFFICER, THURSDAY,
                WorkPlace.WORK_PLACE_HOME));
        DayException e = request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        ApproveDayExceptionRequest approve = ApproveDayExceptionRequest.newBuilder().setName(e.getName()).build();
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> officer().approveDayException(approve));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> as(OTHER_MANAGER, Role.MANAGER)
                .approveDayException(approve));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> as(COLLEAGUE, Role.OFFICER)
                .rejectDayException(RejectDayExceptionRequest.newBuilder().setName(e.getName()).setReason("no").build()));
        assertFails(Status.Code.UNAUTHENTICATED, () -> PlanServiceGrpc.newBlockingStub(channel)
                .approveDayException(approve));
        assertEquals(PlanState.PLAN_STATE_APPROVED, admin().approveDayException(approve).getState());
    }

    @Test
    void theInboxOfOfficersDashIsRefusedToATokenWithoutAnOfficersRole() {
        request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        for (Role r : List.of(Role.AGENCY, Role.SERVICE, Role.HR)) {
            assertFails(Status.Code.PERMISSION_DENIED, "NOT_AN_OFFICER", () -> as(MANAGER, r).listDayExceptions(
                    ListDayExceptionsRequest.newBuilder().setParent("officers/-").build()));
        }
        assertEquals(1, manager().listDayExceptions(ListDayExceptionsRequest.newBuilder().setParent("officers/-")
                .build()).getDayExceptionsCount());
    }

    @Test
    void managerInboxAndOfficerListing() {
        DayException mine = request(THURSDAY, WorkPlace.WORK_PLACE_HOME);
        DayException later = request(THURSDAY.plusDays(7), WorkPlace.WORK_PLACE_HOME);
        DayException colleagues = request(as(COLLEAGUE, Role.OFFICER), COLLEAGUE, THURSDAY, WorkPlace.WORK_PLACE_HOME);
        DayException outsiders = request(as(OUTSIDER, Role.OFFICER), OUTSIDER, THURSDAY, WorkPlace.WORK_PLACE_HOME);
        manager().rejectDayException(RejectDayExceptionRequest.newBuilder().setName(colleagues.getName())
                .setReason("no").build());

        List<String> inbox = manager().listDayExceptions(ListDayExceptionsRequest.newBuilder().setParent("officers/-")
                .setState(PlanState.PLAN_STATE_SUBMITTED).build()).getDayExceptionsList().stream()
                .map(DayException::getName).toList();
        assertEquals(List.of(later.getName(), mine.getName()), inbox);

        assertEquals(3, manager().listDayExceptions(ListDayExceptionsRequest.newBuilder().setParent("officers/-")
                .build()).getDayExceptionsCount());
        assertEquals(List.of(outsiders.getName()), as(OTHER_MANAGER, Role.MANAGER).listDayExceptions(
                ListDayExceptionsRequest.newBuilder().setParent("officers/-").build()).getDayExceptionsList()
                .stream().map(DayException::getName).toList());
        assertEquals(2, officer().listDayExceptions(ListDayExceptionsRequest.newBuilder()
                .setParent("officers/" + OFFICER).build()).getDayExceptionsCount());
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_OWNER_OR_MANAGER", () -> as(COLLEAGUE, Role.OFFICER)
                .listDayExceptions(ListDayExceptionsRequest.newBuilder().setParent("officers/" + OFFICER).build()));
    }
}
