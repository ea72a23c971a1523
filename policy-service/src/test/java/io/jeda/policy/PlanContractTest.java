package io.jeda.policy;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListPlanTransitionsRequest;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.UpdatePlanRequest;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.GrpcAssertions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.google.type.DayOfWeek.MONDAY;
import static com.google.type.DayOfWeek.SATURDAY;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the plan API promises a client beyond the life cycle: validate-only calls (AIP-163) that
 * answer like the real call and store nothing, names that work exactly as responses give them,
 * and page tokens that belong to their request.
 */
class PlanContractTest extends PlanEndpointTestBase {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);

    /** The valid plan with two broken rules: a Monday start before the window, and a Saturday. */
    private static Plan brokenPlan() {
        Plan valid = validPlan();
        return valid.toBuilder().setDays(0, day(MONDAY, WorkPlace.WORK_PLACE_OFFICE, time(6, 0)))
                .addDays(day(SATURDAY, WorkPlace.WORK_PLACE_OFFICE, time(7, 30))).build();
    }

    private Plan validateCreate(Plan plan) {
        return officer().createPlan(CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER).setPlan(plan)
                .setRequestId("form-check").setValidateOnly(true).build());
    }

    private List<Plan> plansOfOfficer() {
        return officer().listPlans(ListPlansRequest.newBuilder().setParent("officers/" + OFFICER).build())
                .getPlansList();
    }

    private static Set<String> violations(GrpcAssertions.Failure f) {
        return new HashSet<>(GrpcErrors.violationTypes(f.exception()));
    }

    @Test
    void aValidatedPlanIsRefusedExactlyAsItsSubmissionWouldBeAndNothingIsStored() {
        GrpcAssertions.Failure checked = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY",
                () -> validateCreate(brokenPlan()));
        assertTrue(violations(checked).containsAll(Set.of("START_OUTSIDE_WINDOW", "WEEKEND_NOT_ALLOWED")),
                violations(checked).toString());
        assertEquals(List.of(), plansOfOfficer(), "validate_only stores nothing");

        Plan draft = create(OFFICER, brokenPlan());
        GrpcAssertions.Failure submitted = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY",
                () -> officer().submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName()).build()));
        assertEquals(violations(submitted), violations(checked));
        assertEquals(GrpcErrors.violationTypes(submitted.exception()).size(),
                GrpcErrors.violationTypes(checked.exception()).size());
    }

    @Test
    void aValidatedGoodPlanComesBackAsItWouldBeCreatedWithoutAName() {
        Plan answer = validateCreate(validPlan());
        assertEquals("", answer.getName());
        assertEquals(PlanState.PLAN_STATE_DRAFT, answer.getState());
        assertEquals("officers/" + OFFICER, answer.getOfficer());
        assertEquals(5, answer.getDaysCount());
        assertEquals(time(7, 30), answer.getDays(1).getStartTime(), "the position's default start is filled in");
        assertEquals(List.of(), plansOfOfficer());
        // The same request id still creates the plan afterwards: validation did not use it up.
        Plan created = officer().createPlan(CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER)
                .setPlan(validPlan()).setRequestId("form-check").build());
        assertTrue(created.getName().startsWith("plans/"));
    }

    @Test
    void validationSeesTheOfficersOtherPlans() {
        submitted(OFFICER);
        GrpcAssertions.Failure f = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY",
                () -> validateCreate(validPlan()));
        assertEquals(Set.of("OVERLAPPING_PLAN"), violations(f));
    }

    @Test
    void validationIsForThoseWhoMayDoTheRealThing() {
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_OWNER", () -> as(COLLEAGUE, Role.OFFICER).createPlan(
                CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER).setPlan(validPlan())
                        .setValidateOnly(true).build()));
    }

    @Test
    void aValidatedSubmissionLeavesTheDraftAsItWas() {
        Plan draft = create(OFFICER, validPlan());
        Plan answer = officer().submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName())
                .setValidateOnly(true).build());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, answer.getState());
        assertEquals(draft.getName(), answer.getName());
        Plan stored = officer().getPlan(GetPlanRequest.newBuilder().setName(draft.getName()).build());
        assertEquals(PlanState.PLAN_STATE_DRAFT, stored.getState());
        assertEquals(1, officer().listPlanTransitions(ListPlanTransitionsRequest.newBuilder()
                .setName(draft.getName()).build()).getTransitionsCount(), "only the creation is in the history");

        Plan bad = create(OFFICER, brokenPlan().toBuilder().setStartDate(date(PLAN_END.plusDays(1)))
                .setEndDate(date(PLAN_END.plusDays(60))).build());
        assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY", () -> officer().submitPlan(
                SubmitPlanRequest.newBuilder().setName(bad.getName()).setValidateOnly(true).build()));
        // A plan that is not a draft is refused as the real submission would refuse it.
        Plan submitted = officer().submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName()).build());
        assertFails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> officer().submitPlan(
                SubmitPlanRequest.newBuilder().setName(submitted.getName()).setValidateOnly(true).build()));
    }

    private DayException requestException(LocalDate date, WorkPlace place, boolean validateOnly) {
        return officer().createDayException(CreateDayExceptionRequest.newBuilder().setParent("officers/" + OFFICER)
                .setDayException(DayException.newBuilder().setDate(date(date)).setPlace(place))
                .setValidateOnly(validateOnly).build());
    }

    private int exceptionsOfOfficer() {
        return officer().listDayExceptions(ListDayExceptionsRequest.newBuilder().setParent("officers/" + OFFICER)
                .build()).getDayExceptionsCount();
    }

    @Test
    void aValidatedDayExceptionRunsEveryRuleAndStoresNothing() {
        DayException answer = requestException(THURSDAY, WorkPlace.WORK_PLACE_HOME, true);
        assertEquals("", answer.getName());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, answer.getState());
        assertEquals(0, exceptionsOfOfficer());

        GrpcAssertions.Failure rule = assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                () -> requestException(THURSDAY, WorkPlace.WORK_PLACE_OTHER, true));
        assertEquals(Set.of("PLACE_NOT_ALLOWED"), violations(rule));

        requestException(THURSDAY, WorkPlace.WORK_PLACE_HOME, false);
        assertFails(Status.Code.FAILED_PRECONDITION, "EXCEPTION_EXISTS",
                () -> requestException(THURSDAY, WorkPlace.WORK_PLACE_HOME, true));
        assertEquals(1, exceptionsOfOfficer());
    }

    @Test
    void theManagerDecidesWithTheNamesTheInboxGives() {
        submitted(OFFICER);
        DayException e = requestException(THURSDAY, WorkPlace.WORK_PLACE_HOME, false);

        Plan waiting = manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-")
                .setState(PlanState.PLAN_STATE_SUBMITTED).build()).getPlans(0);
        assertTrue(waiting.getName().matches("plans/[^/]+"), waiting.getName());
        assertEquals(PlanState.PLAN_STATE_APPROVED, manager().approvePlan(ApprovePlanRequest.newBuilder()
                .setName(waiting.getName()).build()).getState());

        DayException pending = manager().listDayExceptions(ListDayExceptionsRequest.newBuilder()
                .setParent("officers/-").build()).getDayExceptions(0);
        assertEquals(e.getName(), pending.getName());
        assertEquals(PlanState.PLAN_STATE_APPROVED, manager().approveDayException(
                ApproveDayExceptionRequest.newBuilder().setName(pending.getName()).build()).getState());

        // A name that is not the plan's is a malformed name, never a bare NOT_FOUND.
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> manager().approvePlan(
                ApprovePlanRequest.newBuilder().setName("plans/" + waiting.getName()).build()));
        assertFails(Status.Code.NOT_FOUND, "PLAN_NOT_FOUND", () -> manager().approvePlan(
                ApprovePlanRequest.newBuilder().setName("plans/no-such-plan").build()));
    }

    @Test
    void anEmptyMaskChangesWhatTheRequestSetsAndAStarChangesEverything() {
        Plan draft = create(OFFICER, validPlan());
        Plan noted = officer().updatePlan(UpdatePlanRequest.newBuilder()
                .setPlan(Plan.newBuilder().setName(draft.getName()).setNote("school starts later")).build());
        assertEquals("school starts later", noted.getNote());
        assertEquals(draft.getStartDate(), noted.getStartDate());
        assertEquals(draft.getDaysList(), noted.getDaysList());

        Plan replaced = officer().updatePlan(UpdatePlanRequest.newBuilder()
                .setPlan(validPlan().toBuilder().setName(draft.getName()).clearNote())
                .setUpdateMask(FieldMask.newBuilder().addPaths("*")).build());
        assertEquals("", replaced.getNote(), "'*' sets an unset field back to its default");

        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> officer().updatePlan(
                UpdatePlanRequest.newBuilder().setPlan(Plan.newBuilder().setName(draft.getName()).setNote("x"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()));
    }

    @Test
    void aPageTokenBelongsToItsRequestAndTheLastPageHasNone() {
        for (int i = 0; i < 3; i++) {
            create(OFFICER, validPlan());
        }
        ListPlansRequest all = ListPlansRequest.newBuilder().setParent("officers/" + OFFICER).setPageSize(2).build();
        ListPlansResponse first = officer().listPlans(all);
        assertEquals(2, first.getPlansCount());
        assertFalse(first.getNextPageToken().isEmpty());

        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN", () -> officer().listPlans(all.toBuilder()
                .setState(PlanState.PLAN_STATE_DRAFT).setPageToken(first.getNextPageToken()).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN", () -> manager().listPlans(all.toBuilder()
                .setParent("officers/-").setPageToken(first.getNextPageToken()).build()));

        ListPlansResponse last = officer().listPlans(all.toBuilder().setPageToken(first.getNextPageToken()).build());
        assertEquals(1, last.getPlansCount());
        assertEquals("", last.getNextPageToken());

        ListPlansResponse exact = officer().listPlans(all.toBuilder().setPageSize(3).build());
        assertEquals(3, exact.getPlansCount());
        assertEquals("", exact.getNextPageToken(), "a full last page has no next page either");
    }
}
