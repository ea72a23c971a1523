package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.type.DayOfWeek;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListPlanTransitionsRequest;
import io.jeda.policy.v1.ListPlanTransitionsResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.PlanTransition;
import io.jeda.policy.v1.RejectPlanRequest;
import io.jeda.policy.v1.RevokePlanRequest;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.UpdatePlanRequest;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.GrpcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FWA plans through the real PlanService stubs, on the test database. */
class PlanEndpointTest extends PlanEndpointTestBase {

    @Test
    void fullLifeCycleFromDraftToRevoked() {
        Plan draft = create(OFFICER, validPlan());
        assertEquals(PlanState.PLAN_STATE_DRAFT, draft.getState());
        assertTrue(draft.getName().startsWith("plans/"));
        assertEquals("officers/" + OFFICER, draft.getOfficer());
        // The day sent without a start takes the position's default start.
        assertEquals(time(7, 30), draft.getDays(1).getStartTime());
        assertEquals(5, draft.getDaysCount());

        Plan submitted = officer().submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName()).build());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, submitted.getState());

        Plan approved = manager().approvePlan(ApprovePlanRequest.newBuilder().setName(draft.getName()).build());
        // The period starts next Monday: approved, not yet in force.
        assertEquals(PlanState.PLAN_STATE_APPROVED, approved.getState());

        PlanTestClock.INSTANCE.set(Instant.parse("2026-03-10T02:00:00Z"));
        Plan active = officer().getPlan(GetPlanRequest.newBuilder().setName(draft.getName()).build());
        assertEquals(PlanState.PLAN_STATE_ACTIVE, active.getState());

        Plan revoked = manager().revokePlan(RevokePlanRequest.newBuilder().setName(draft.getName())
                .setReason("the unit needs everyone in the office during the audit").build());
        assertEquals(PlanState.PLAN_STATE_REVOKED, revoked.getState());
        assertEquals("the unit needs everyone in the office during the audit", revoked.getDecisionReason());

        List<PlanTransition> history = officer().listPlanTransitions(ListPlanTransitionsRequest.newBuilder()
                .setName(draft.getName()).build()).getTransitionsList();
        assertEquals(4, history.size());
        assertTransition(history.get(0), PlanState.PLAN_STATE_DRAFT, PlanState.PLAN_STATE_DRAFT, OFFICER, "");
        assertTransition(history.get(1), PlanState.PLAN_STATE_DRAFT, PlanState.PLAN_STATE_SUBMITTED, OFFICER, "");
        assertTransition(history.get(2), PlanState.PLAN_STATE_SUBMITTED, PlanState.PLAN_STATE_APPROVED, MANAGER, "");
        assertTransition(history.get(3), PlanState.PLAN_STATE_APPROVED, PlanState.PLAN_STATE_REVOKED, MANAGER,
                "the unit needs everyone in the office during the audit");
        assertEquals(Instant.parse("2026-03-10T02:00:00Z").getEpochSecond(), history.get(3).getTime().getSeconds());
    }

    private static void assertTransition(PlanTransition t, PlanState from, PlanState to, String nip, String reason) {
        assertEquals(from, t.getFromState());
        assertEquals(to, t.getToState());
        assertEquals("officers/" + nip, t.getActor());
        assertEquals(reason, t.getReason());
    }

    @Test
    void rejectNeedsAReasonAndKeepsIt() {
        Plan p = submitted(OFFICER);
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () ->
                manager().rejectPlan(RejectPlanRequest.newBuilder().setName(p.getName()).setReason("  ").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_TOO_LONG", () ->
                manager().rejectPlan(RejectPlanRequest.newBuilder().setName(p.getName()).setReason("x".repeat(1001)).build()));
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, get(p).getState());

        Plan rejected = manager().rejectPlan(RejectPlanRequest.newBuilder().setName(p.getName())
                .setReason("Wednesdays are our service days").build());
        assertEquals(PlanState.PLAN_STATE_REJECTED, rejected.getState());
        assertEquals("Wednesdays are our service days", rejected.getDecisionReason());
        List<PlanTransition> history = transitions(p);
        assertEquals(PlanState.PLAN_STATE_REJECTED, history.get(history.size() - 1).getToState());
        assertEquals("Wednesdays are our service days", history.get(history.size() - 1).getReason());
    }

    @Test
    void revokeNeedsAReason() {
        Plan p = approved(OFFICER);
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () ->
                manager().revokePlan(RevokePlanRequest.newBuilder().setName(p.getName()).build()));
        assertEquals(PlanState.PLAN_STATE_APPROVED, get(p).getState());
    }

    /** The states a plan can be brought into, and how. */
    enum Start {
        DRAFT, SUBMITTED, APPROVED, ACTIVE, REJECTED, REVOKED, EXPIRED
    }

    /** The requests that change a plan. */
    enum Action {
        SUBMIT, APPROVE, REJECT, REVOKE, UPDATE
    }

    Plan bring(Start s) {
        Plan p = switch (s) {
            case DRAFT -> create(OFFICER, validPlan());
            case SUBMITTED -> submitted(OFFICER);
            case APPROVED, ACTIVE, EXPIRED -> approved(OFFICER);
            case REJECTED -> manager().rejectPlan(RejectPlanRequest.newBuilder().setName(submitted(OFFICER).getName())
                    .setReason("no").build());
            case REVOKED -> manager().revokePlan(RevokePlanRequest.newBuilder().setName(approved(OFFICER).getName())
                    .setReason("no longer").build());
        };
        if (s == Start.ACTIVE) {
            PlanTestClock.INSTANCE.set(Instant.parse("2026-04-01T02:00:00Z"));
        } else if (s == Start.EXPIRED) {
            PlanTestClock.INSTANCE.set(Instant.parse("2026-07-01T02:00:00Z"));
        }
        assertEquals("PLAN_STATE_" + s.name(), get(p).getState().name());
        return p;
    }

    Plan act(Action a, Plan p) {
        return switch (a) {
            case SUBMIT -> officer().submitPlan(SubmitPlanRequest.newBuilder().setName(p.getName()).build());
            case APPROVE -> manager().approvePlan(ApprovePlanRequest.newBuilder().setName(p.getName()).build());
            case REJECT -> manager().rejectPlan(RejectPlanRequest.newBuilder().setName(p.getName()).setReason("r").build());
            case REVOKE -> manager().revokePlan(RevokePlanRequest.newBuilder().setName(p.getName()).setReason("r").build());
            case UPDATE -> officer().updatePlan(UpdatePlanRequest.newBuilder()
                    .setPlan(Plan.newBuilder().setName(p.getName()).setNote("changed"))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build());
        };
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (Start s : Start.values()) {
            for (Action a : Action.values()) {
                boolean legal = (s == Start.DRAFT && (a == Action.SUBMIT || a == Action.UPDATE))
                        || (s == Start.SUBMITTED && (a == Action.APPROVE || a == Action.REJECT))
                        || ((s == Start.APPROVED || s == Start.ACTIVE) && a == Action.REVOKE);
                if (!legal) {
                    out.add(Arguments.of(s, a));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} a plan that is {0}")
    @MethodSource("illegalTransitions")
    void everyIllegalTransitionIsRefused(Start start, Action action) {
        Plan p = bring(start);
        int before = transitions(p).size();
        GrpcAssertions.Failure e;
        if (action == Action.UPDATE) {
            e = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_NOT_EDITABLE", () -> act(action, p));
            assertEquals(start.name(), e.metadata().get("state"));
        } else {
            e = assertFails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> act(action, p));
            var meta = e.metadata();
            assertEquals(start.name(), meta.get("from"));
            String target = switch (action) {
                case SUBMIT -> "SUBMITTED";
                case APPROVE -> "APPROVED";
                case REJECT -> "REJECTED";
                default -> "REVOKED";
            };
            assertEquals(target, meta.get("to"));
        }
        assertEquals("PLAN_STATE_" + start.name(), get(p).getState().name());
        assertEquals(before, transitions(p).size());
    }

    @Test
    void aPlanBreakingSeveralRulesIsRefusedAtSubmitWithEveryReason() {
        approved(OFFICER);
        Officer o = officers.findById(OFFICER).orElseThrow();
        officers.update(new Officer(o.nip(), o.displayName(), o.unitId(), o.positionId(), o.managerNip(), null, null,
                null, null, LocalDate.of(2026, 12, 31), o.createdAt(), o.updatedAt()));
        Plan bad = create(OFFICER, Plan.newBuilder()
                .setStartDate(date(PLAN_START)).setEndDate(date(PLAN_END))
                .addDays(day(DayOfWeek.MONDAY, WorkPlace.WORK_PLACE_HOME, time(6, 0)))
                .addDays(day(DayOfWeek.TUESDAY, WorkPlace.WORK_PLACE_OTHER, time(7, 30)))
                .addDays(day(DayOfWeek.WEDNESDAY, WorkPlace.WORK_PLACE_HOME, time(7, 30)))
                .addDays(day(DayOfWeek.SATURDAY, WorkPlace.WORK_PLACE_OFFICE, time(7, 30)))
                .build());

        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY", () ->
                officer().submitPlan(SubmitPlanRequest.newBuilder().setName(bad.getName()).build()));

        assertEquals(java.util.Set.of("OFFICER_NOT_ELIGIBLE", "PLACE_NOT_ALLOWED", "REMOTE_DAYS_EXCEEDED",
                "START_OUTSIDE_WINDOW", "CORE_HOURS_NOT_COVERED", "WEEKLY_HOURS_SHORT", "WEEKEND_NOT_ALLOWED",
                "OVERLAPPING_PLAN"), new java.util.HashSet<>(GrpcErrors.violationTypes(e.exception())));
        assertEquals(PlanState.PLAN_STATE_DRAFT, get(bad).getState());
    }

    @Test
    void approvalValidatesAgainstThePositionAsItIsThen() {
        Plan p = submitted(OFFICER);
        // HR lowers the position's remote days to one after the plan (two home days) was submitted.
        positions.update(analyst(1));

        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY", () ->
                manager().approvePlan(ApprovePlanRequest.newBuilder().setName(p.getName()).build()));
        assertEquals(List.of("REMOTE_DAYS_EXCEEDED"), GrpcErrors.violationTypes(e.exception()));
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, get(p).getState());
    }

    @Test
    void aSecondOverlappingPlanCannotBeSubmittedWhileOneIsPending() {
        submitted(OFFICER);
        Plan second = create(OFFICER, validPlan());
        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY", () ->
                officer().submitPlan(SubmitPlanRequest.newBuilder().setName(second.getName()).build()));
        assertEquals(List.of("OVERLAPPING_PLAN"), GrpcErrors.violationTypes(e.exception()));
    }

    @Test
    void overlappingPlansSubmittedAtOnceCannotBothBeHeld() throws Exception {
        int n = 6;
        List<Plan> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(create(OFFICER, validPlan()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> outcomes = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (Plan d : drafts) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        officer().submitPlan(SubmitPlanRequest.newBuilder().setName(d.getName()).build());
                        return "submitted";
                    } catch (StatusRuntimeException e) {
                        return String.join(",", GrpcErrors.violationTypes(e));
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
        assertEquals(1, outcomes.stream().filter("submitted"::equals).count(), outcomes.toString());
        assertEquals(n - 1, outcomes.stream().filter("OVERLAPPING_PLAN"::equals).count(), outcomes.toString());
        assertEquals(1, officer().listPlans(ListPlansRequest.newBuilder().setParent("officers/" + OFFICER)
                .setState(PlanState.PLAN_STATE_SUBMITTED).build()).getPlansCount());
    }

    @Test
    void createWithTheSameRequestIdReturnsTheFirstPlan() {
        CreatePlanRequest req = CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER)
                .setPlan(validPlan()).setRequestId("a1b2c3").build();
        Plan first = officer().createPlan(req);
        Plan retried = officer().createPlan(req.toBuilder().setPlan(validPlan().toBuilder().setNote("retry")).build());

        assertEquals(first.getName(), retried.getName());
        assertEquals(first.getNote(), retried.getNote());
        assertEquals(1, officer().listPlans(ListPlansRequest.newBuilder().setParent("officers/" + OFFICER).build())
                .getPlansCount());
        assertEquals(1, transitions(first).size());

        // The key is the officer's own: another officer using it gets a plan of their own.
        Plan colleagues = as(COLLEAGUE, Role.OFFICER).createPlan(req.toBuilder().setParent("officers/" + COLLEAGUE).build());
        assertNotEquals(first.getName(), colleagues.getName());
    }

    @Test
    void concurrentDecisionsOnOnePlanLetExactlyOneWin() throws Exception {
        Plan p = submitted(OFFICER);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean approve = i % 2 == 0;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        if (approve) {
                            manager().approvePlan(ApprovePlanRequest.newBuilder().setName(p.getName()).build());
                        } else {
                            manager().rejectPlan(RejectPlanRequest.newBuilder().setName(p.getName())
                                    .setReason("no").build());
                        }
                        return "OK";
                    } catch (StatusRuntimeException e) {
                        return GrpcErrors.reason(e);
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : results) {
                outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter("OK"::equals).count(), outcomes.toString());
            assertEquals(3, outcomes.stream().filter("ILLEGAL_TRANSITION"::equals).count(), outcomes.toString());
            // One decision, one history row for it.
            assertEquals(3, transitions(p).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRetriesOfOneCreateMakeOnePlan() throws Exception {
        CreatePlanRequest req = CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER)
                .setPlan(validPlan()).setRequestId("same-key").build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                names.add(pool.submit(() -> {
                    go.await();
                    return officer().createPlan(req).getName();
                }));
            }
            go.countDown();
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> f : names) {
                distinct.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size());
            assertEquals(1, officer().listPlans(ListPlansRequest.newBuilder().setParent("officers/" + OFFICER)
                    .build()).getPlansCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createRefusesBadInput() {
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PERIOD", () -> create(OFFICER, validPlan().toBuilder()
                .setEndDate(date(PLAN_START.minusDays(1))).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "PERIOD_TOO_LONG", () -> create(OFFICER, validPlan().toBuilder()
                .setEndDate(date(PLAN_START.plusDays(367))).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "DUPLICATE_WEEKDAY", () -> create(OFFICER, validPlan().toBuilder()
                .addDays(day(DayOfWeek.MONDAY, WorkPlace.WORK_PLACE_HOME, time(8, 0))).build()));
        GrpcAssertions.Failure e = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> create(OFFICER,
                validPlan().toBuilder().addDays(day(DayOfWeek.SATURDAY, WorkPlace.WORK_PLACE_UNSPECIFIED, null)).build()));
        assertEquals("plan.days[5].place", e.metadata().get("field"));
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> admin().createPlan(CreatePlanRequest.newBuilder()
                .setParent("officers/199912312020121001").setPlan(validPlan()).build()));
    }

    @Test
    void updateChangesOnlyTheMaskedFieldsOfADraft() {
        Plan p = create(OFFICER, validPlan());
        Plan updated = officer().updatePlan(UpdatePlanRequest.newBuilder()
                .setPlan(Plan.newBuilder().setName(p.getName())
                        .setEndDate(date(LocalDate.of(2026, 4, 30)))
                        .setNote("ignored: not in the mask")
                        .addDays(day(DayOfWeek.MONDAY, WorkPlace.WORK_PLACE_OFFICE, time(8, 0))))
                .setUpdateMask(FieldMask.newBuilder().addPaths("end_date")).build());
        assertEquals(date(LocalDate.of(2026, 4, 30)), updated.getEndDate());
        assertEquals(p.getNote(), updated.getNote());
        assertEquals(p.getDaysList(), updated.getDaysList());
        // Editing a draft is not a change of state.
        assertEquals(p.getUpdateTime(), updated.getUpdateTime());
        assertEquals(1, transitions(p).size());

        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> officer().updatePlan(
                UpdatePlanRequest.newBuilder().setPlan(Plan.newBuilder().setName(p.getName()))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_OWNER", () -> manager().updatePlan(
                UpdatePlanRequest.newBuilder().setPlan(Plan.newBuilder().setName(p.getName()).setNote("x"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build()));
    }

    /** Who may do what: the officer, a colleague, the direct manager, another manager, an admin, a service. */
    static Stream<Arguments> authorization() {
        return Stream.of(
                Arguments.of("get", "self", null), Arguments.of("get", "colleague", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("get", "manager", null), Arguments.of("get", "other manager", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("get", "admin", null), Arguments.of("get", "service", null),
                Arguments.of("create", "self", null), Arguments.of("create", "colleague", "NOT_OWNER"),
                Arguments.of("create", "manager", "NOT_OWNER"), Arguments.of("create", "other manager", "NOT_OWNER"),
                Arguments.of("create", "admin", null), Arguments.of("create", "service", "NOT_OWNER"),
                Arguments.of("submit", "self", null), Arguments.of("submit", "colleague", "NOT_OWNER"),
                Arguments.of("submit", "manager", "NOT_OWNER"), Arguments.of("submit", "admin", "NOT_OWNER"),
                Arguments.of("approve", "self", "NOT_MANAGER"), Arguments.of("approve", "colleague", "NOT_MANAGER"),
                Arguments.of("approve", "manager", null), Arguments.of("approve", "other manager", "NOT_MANAGER"),
                Arguments.of("approve", "admin", null), Arguments.of("approve", "service", "NOT_MANAGER"),
                Arguments.of("reject", "self", "NOT_MANAGER"), Arguments.of("reject", "other manager", "NOT_MANAGER"),
                Arguments.of("reject", "manager", null),
                Arguments.of("history", "self", null), Arguments.of("history", "colleague", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("history", "manager", null), Arguments.of("history", "other manager", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("history", "admin", null),
                Arguments.of("list", "self", null), Arguments.of("list", "colleague", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("list", "manager", null), Arguments.of("list", "other manager", "NOT_OWNER_OR_MANAGER"),
                Arguments.of("list", "service", null));
    }

    PlanServiceGrpc.PlanServiceBlockingStub caller(String who) {
        return switch (who) {
            case "self" -> officer();
            case "colleague" -> as(COLLEAGUE, Role.OFFICER);
            case "manager" -> manager();
            case "other manager" -> as(OTHER_MANAGER, Role.MANAGER);
            case "admin" -> admin();
            case "service" -> as(SERVICE, Role.SERVICE);
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("authorization")
    void authorizationMatrix(String action, String who, String deniedReason) {
        PlanServiceGrpc.PlanServiceBlockingStub stub = caller(who);
        Plan draft = create(OFFICER, validPlan());
        Plan pending = switch (action) {
            case "approve", "reject" -> submitted(COLLEAGUE);
            default -> draft;
        };
        Runnable call = switch (action) {
            case "get" -> () -> stub.getPlan(GetPlanRequest.newBuilder().setName(draft.getName()).build());
            case "create" -> () -> stub.createPlan(CreatePlanRequest.newBuilder().setParent("officers/" + OFFICER)
                    .setPlan(validPlan()).build());
            case "submit" -> () -> stub.submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName()).build());
            case "approve" -> () -> stub.approvePlan(ApprovePlanRequest.newBuilder().setName(pending.getName()).build());
            case "reject" -> () -> stub.rejectPlan(RejectPlanRequest.newBuilder().setName(pending.getName())
                    .setReason("no").build());
            case "history" -> () -> stub.listPlanTransitions(ListPlanTransitionsRequest.newBuilder()
                    .setName(draft.getName()).build());
            case "list" -> () -> stub.listPlans(ListPlansRequest.newBuilder().setParent("officers/" + OFFICER).build());
            default -> throw new IllegalArgumentException(action);
        };
        if (deniedReason == null) {
            call.run();
        } else {
            assertFails(Status.Code.PERMISSION_DENIED, deniedReason, call::run);
        }
    }

    @Test
    void withoutATokenNothingIsServed() {
        Plan p = create(OFFICER, validPlan());
        PlanServiceGrpc.PlanServiceBlockingStub anonymous = PlanServiceGrpc.newBlockingStub(channel);
        assertFails(Status.Code.UNAUTHENTICATED, () -> anonymous.getPlan(GetPlanRequest.newBuilder()
                .setName(p.getName()).build()));
        assertFails(Status.Code.UNAUTHENTICATED, () -> anonymous.createPlan(CreatePlanRequest.newBuilder()
                .setParent("officers/" + OFFICER).setPlan(validPlan()).build()));
        assertFails(Status.Code.UNAUTHENTICATED, () -> anonymous.approvePlan(ApprovePlanRequest.newBuilder()
                .setName(p.getName()).build()));
    }

    @Test
    void managerInboxListsTheDirectReportsPlansNewestFirst() {
        Plan first = submitted(OFFICER);
        PlanTestClock.INSTANCE.set(MONDAY_MORNING_WIB.plusSeconds(60));
        Plan second = submitted(COLLEAGUE);
        PlanTestClock.INSTANCE.set(MONDAY_MORNING_WIB.plusSeconds(120));
        Plan draft = create(EASTERN, validPlan());
        Plan outsiders = submitted(OUTSIDER);

        ListPlansResponse all = manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-").build());
        assertEquals(List.of(draft.getName(), second.getName(), first.getName()),
                all.getPlansList().stream().map(Plan::getName).toList());

        ListPlansResponse pending = manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-")
                .setState(PlanState.PLAN_STATE_SUBMITTED).build());
        assertEquals(List.of(second.getName(), first.getName()),
                pending.getPlansList().stream().map(Plan::getName).toList());

        ListPlansResponse page1 = manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-")
                .setPageSize(2).build());
        assertEquals(2, page1.getPlansCount());
        assertFalse(page1.getNextPageToken().isEmpty());
        ListPlansResponse page2 = manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-")
                .setPageSize(2).setPageToken(page1.getNextPageToken()).build());
        assertEquals(List.of(first.getName()), page2.getPlansList().stream().map(Plan::getName).toList());
        assertEquals("", page2.getNextPageToken());

        assertEquals(List.of(outsiders.getName()), as(OTHER_MANAGER, Role.MANAGER).listPlans(ListPlansRequest
                .newBuilder().setParent("officers/-").build()).getPlansList().stream().map(Plan::getName).toList());
        assertEquals(0, officer().listPlans(ListPlansRequest.newBuilder().setParent("officers/-").build())
                .getPlansCount());
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_STATE_FILTER", () -> manager().listPlans(ListPlansRequest
                .newBuilder().setParent("officers/-").setState(PlanState.PLAN_STATE_ACTIVE).build()));
    }

    @Test
    void theInboxOfOfficersDashIsRefusedToATokenWithoutAnOfficersRole() {
        submitted(OFFICER);
        // A system's token whose subject happens to be a manager's NIP: not the manager.
        for (Role r : List.of(Role.AGENCY, Role.SERVICE, Role.HR)) {
            assertFails(Status.Code.PERMISSION_DENIED, "NOT_AN_OFFICER", () -> as(MANAGER, r).listPlans(
                    ListPlansRequest.newBuilder().setParent("officers/-").build()));
        }
        assertEquals(1, manager().listPlans(ListPlansRequest.newBuilder().setParent("officers/-").build())
                .getPlansCount());
    }

    @Test
    void transitionsArePaginatedOldestFirst() {
        Plan p = approved(OFFICER);
        ListPlanTransitionsResponse page1 = officer().listPlanTransitions(ListPlanTransitionsRequest.newBuilder()
                .setName(p.getName()).setPageSize(2).build());
        assertEquals(List.of(PlanState.PLAN_STATE_DRAFT, PlanState.PLAN_STATE_SUBMITTED),
                page1.getTransitionsList().stream().map(PlanTransition::getToState).toList());
        ListPlanTransitionsResponse page2 = officer().listPlanTransitions(ListPlanTransitionsRequest.newBuilder()
                .setName(p.getName()).setPageSize(2).setPageToken(page1.getNextPageToken()).build());
        assertEquals(List.of(PlanState.PLAN_STATE_APPROVED),
                page2.getTransitionsList().stream().map(PlanTransition::getToState).toList());
        assertEquals("", page2.getNextPageToken());
    }

    @Test
    void activeIsDecidedByTheOfficersOwnTimeZone() {
        Plan western = approved(OFFICER);
        Plan eastern = approved(EASTERN);
        // Sunday 8 March 23:00 in Jakarta is already Monday 9 March 01:00 in Jayapura, the first day of both plans.
        PlanTestClock.INSTANCE.set(Instant.parse("2026-03-08T16:00:00Z"));
        assertEquals(PlanState.PLAN_STATE_APPROVED, get(western).getState());
        assertEquals(PlanState.PLAN_STATE_ACTIVE, get(eastern).getState());
    }

    @Test
    void anUnknownPlanIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "PLAN_NOT_FOUND", () -> officer().getPlan(GetPlanRequest.newBuilder()
                .setName("plans/doesnotexist").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> officer().getPlan(GetPlanRequest.newBuilder()
                .setName("rosters/x").build()));
    }

    private Plan get(Plan p) {
        return admin().getPlan(GetPlanRequest.newBuilder().setName(p.getName()).build());
    }

    private List<PlanTransition> transitions(Plan p) {
        return admin().listPlanTransitions(ListPlanTransitionsRequest.newBuilder().setName(p.getName()).build())
                .getTransitionsList();
    }

    @Test
    void plansAndDayExceptionsOutsideTheAcceptedDatesAreABadArgumentNamingTheField() {
        var plan = assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> create(OFFICER, validPlan()
                .toBuilder().setEndDate(com.google.type.Date.newBuilder().setYear(10000).setMonth(1).setDay(1)).build()));
        plan.hasMetadata("field", "plan.end_date");
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> officer().createDayException(
                io.jeda.policy.v1.CreateDayExceptionRequest.newBuilder().setParent("officers/" + OFFICER)
                        .setDayException(io.jeda.policy.v1.DayException.newBuilder()
                                .setDate(com.google.type.Date.newBuilder().setYear(10000).setMonth(1).setDay(1))
                                .setPlace(WorkPlace.WORK_PLACE_HOME).setNote("anak sakit")).build()));
    }
}
