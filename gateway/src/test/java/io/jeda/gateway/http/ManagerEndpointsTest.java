package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.gateway.TestClockFactory;
import io.jeda.gateway.v1.Reachability;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager acting for direct reports through /v1/team: inbox, decisions, and the team board. */
class ManagerEndpointsTest extends PeopleTestBase {

    @Test
    void inboxShowsOnlyWhatWaitsForThisManager() {
        String submitted = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);
        POLICY.seedPlan(SITI, PlanState.PLAN_STATE_DRAFT);
        POLICY.seedPlan(CITRA, PlanState.PLAN_STATE_SUBMITTED);
        String exception = POLICY.seedDayException(SITI);

        Answer a = get("/v1/team/inbox", MANAGER_TOKEN);

        assertEquals(200, a.status(), a.body());
        Struct s = a.json();
        List<Value> plans = s.getFieldsOrThrow("plans").getListValue().getValuesList();
        assertEquals(1, plans.size(), a.body());
        Plan p = parse(ProtoJson.print(plans.get(0)), Plan.newBuilder()).build();
        assertEquals("plans/" + submitted, p.getName());
        assertEquals("officers/" + SITI, p.getOfficer());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, p.getState());
        List<Value> exceptions = s.getFieldsOrThrow("dayExceptions").getListValue().getValuesList();
        assertEquals("dayExceptions/" + exception,
                exceptions.get(0).getStructValue().getFieldsOrThrow("name").getStringValue());
        assertEquals(List.of(BUDI, BUDI), subjects(POLICY.authorizations()));

        Struct other = get("/v1/team/inbox", OTHER_MANAGER_TOKEN).json();
        assertEquals(0, other.getFieldsOrThrow("plans").getListValue().getValuesCount());
    }

    @Test
    void theDirectManagerApprovesWithTheirOwnIdentity() {
        String id = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);

        Answer a = post("/v1/team/plans/" + id + ":approve", MANAGER_TOKEN, null);

        assertEquals(200, a.status(), a.body());
        assertEquals(PlanState.PLAN_STATE_APPROVED, a.as(Plan.newBuilder()).getState());
        assertEquals(PlanState.PLAN_STATE_APPROVED, POLICY.plan(id).getState());
        assertEquals(List.of("Bearer " + MANAGER_TOKEN), POLICY.authorizations());

        post("/v1/team/plans/" + id + ":approve", MANAGER_TOKEN, null).problem(409, "ILLEGAL_TRANSITION");
    }

    @Test
    void anApprovalThroughTheGatewayIsSeenByReachabilityAtOnce() {
        String thursdayMorning = "/v1/officers/" + SITI + "/reachability?urgency=ROUTINE&at=2026-11-26T03:00:00Z";
        // A whole (not degraded) answer, so that Siti's Thursday is in the gateway's cache; a cold JVM
        // on a busy machine may need a second try to answer inside the budget.
        Answer before = get(thursdayMorning, AGENCY_TOKEN);
        for (int i = 0; i < 5 && !before.body().contains("\"degraded\":false"); i++) {
            before = get(thursdayMorning, AGENCY_TOKEN);
        }
        assertEquals(200, before.status(), before.body());
        assertTrue(before.body().contains("\"degraded\":false"), before.body());
        assertTrue(before.body().contains("REACHABILITY_STATE_EXPECTED"), before.body());
        // policy-service now has a different day for Siti; the approval through the gateway must drop
        // the cached one rather than let it stand until it expires.
        POLICY.onLeave(SITI, java.time.LocalDate.of(2026, 11, 26));
        String id = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);
        assertEquals(200, post("/v1/team/plans/" + id + ":approve", MANAGER_TOKEN, null).status());

        Answer after = get(thursdayMorning, AGENCY_TOKEN);
        assertEquals(200, after.status(), after.body());
        assertTrue(after.body().contains("REACHABILITY_STATE_ON_LEAVE"), after.body());
    }

    @Test
    void aManagerWhoIsNotTheDirectManagerIsRefusedByPolicyService() {
        String id = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);

        Struct p = post("/v1/team/plans/" + id + ":approve", OTHER_MANAGER_TOKEN, null).problem(403, "NOT_MANAGER");

        assertEquals(CITRA, p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("subject").getStringValue());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, POLICY.plan(id).getState());
    }

    @Test
    void rejectingNeedsAReasonAndKeepsIt() {
        String id = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);

        post("/v1/team/plans/" + id + ":reject", MANAGER_TOKEN, "{}").problem(400, "REASON_REQUIRED");
        Answer a = post("/v1/team/plans/" + id + ":reject", MANAGER_TOKEN, "{\"reason\": \"Tim sedang audit\"}");

        assertEquals(200, a.status(), a.body());
        Plan p = a.as(Plan.newBuilder()).build();
        assertEquals(PlanState.PLAN_STATE_REJECTED, p.getState());
        assertEquals("Tim sedang audit", p.getDecisionReason());
        post("/v1/team/plans/zzz:reject", MANAGER_TOKEN, "{\"reason\": \"x\"}").problem(404, "PLAN_NOT_FOUND");
    }

    @Test
    void dayExceptionsAreDecidedTheSameWay() {
        String one = POLICY.seedDayException(SITI);
        String two = POLICY.seedDayException(SITI);

        Answer approved = post("/v1/team/day-exceptions/" + one + ":approve", MANAGER_TOKEN, null);
        Answer rejected = post("/v1/team/day-exceptions/" + two + ":reject", MANAGER_TOKEN, "{\"reason\": \"rapat\"}");

        assertEquals(PlanState.PLAN_STATE_APPROVED, approved.as(DayException.newBuilder()).getState());
        DayException r = rejected.as(DayException.newBuilder()).build();
        assertEquals(PlanState.PLAN_STATE_REJECTED, r.getState());
        assertEquals("rapat", r.getDecisionReason());
        post("/v1/team/day-exceptions/" + one + ":approve", OTHER_MANAGER_TOKEN, null).problem(403, "NOT_MANAGER");
    }

    @Test
    void theNameTheInboxGivesDecidesAsWellAsTheBareId() {
        String plan = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);
        String rejectedPlan = POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED);
        String exception = POLICY.seedDayException(SITI);
        String rejectedException = POLICY.seedDayException(SITI);
        Struct inbox = get("/v1/team/inbox", MANAGER_TOKEN).json();
        String planName = inbox.getFieldsOrThrow("plans").getListValue().getValuesList().stream()
                .map(v -> v.getStructValue().getFieldsOrThrow("name").getStringValue())
                .filter(n -> n.endsWith("/" + plan)).findFirst().orElseThrow();
        assertEquals("plans/" + plan, planName);

        // The whole name, as one URL-encoded path segment, names the same request as its id.
        Answer approved = post("/v1/team/plans/" + encode(planName) + ":approve", MANAGER_TOKEN, null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals(PlanState.PLAN_STATE_APPROVED, POLICY.plan(plan).getState());
        Answer rejected = post("/v1/team/plans/" + encode("plans/" + rejectedPlan) + ":reject", MANAGER_TOKEN,
                "{\"reason\": \"audit\"}");
        assertEquals(PlanState.PLAN_STATE_REJECTED, rejected.as(Plan.newBuilder()).getState());
        Answer exceptionApproved = post("/v1/team/day-exceptions/" + encode("dayExceptions/" + exception)
                + ":approve", MANAGER_TOKEN, null);
        assertEquals(PlanState.PLAN_STATE_APPROVED, exceptionApproved.as(DayException.newBuilder()).getState());
        Answer exceptionRejected = post("/v1/team/day-exceptions/" + encode("dayExceptions/" + rejectedException)
                + ":reject", MANAGER_TOKEN, "{\"reason\": \"rapat\"}");
        assertEquals(PlanState.PLAN_STATE_REJECTED, exceptionRejected.as(DayException.newBuilder()).getState());
        // The officer reads their own plan by its name too.
        Answer own = get("/v1/me/plans/" + encode(planName), OFFICER_TOKEN);
        assertEquals(200, own.status(), own.body());
        assertEquals(planName, own.as(Plan.newBuilder()).getName());
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void boardShowsEachReportsAttendanceAndReachabilityFromOneBatchCall() {
        Instant since = TestClockFactory.NOW.minusSeconds(3600);
        ATTENDANCE.checkIn(SITI, AttendanceMode.ATTENDANCE_MODE_HOME, since);

        Answer a = get("/v1/team/board", MANAGER_TOKEN);

        assertEquals(200, a.status(), a.body());
        Struct s = a.json();
        List<Value> members = s.getFieldsOrThrow("members").getListValue().getValuesList();
        assertEquals(1, members.size(), a.body());
        Struct siti = members.get(0).getStructValue();
        assertEquals("officers/" + SITI, siti.getFieldsOrThrow("officer").getStringValue());
        assertEquals("Siti Rahma", siti.getFieldsOrThrow("displayName").getStringValue());
        Struct att = siti.getFieldsOrThrow("attendance").getStructValue();
        assertTrue(att.getFieldsOrThrow("checkedIn").getBoolValue());
        assertEquals("ATTENDANCE_MODE_HOME", att.getFieldsOrThrow("mode").getStringValue());
        assertEquals(since.toString(), att.getFieldsOrThrow("since").getStringValue());
        Reachability r = parse(ProtoJson.print(siti.getFieldsOrThrow("reachability")), Reachability.newBuilder())
                .build();
        assertEquals("officers/" + SITI, r.getOfficer());
        assertEquals(io.jeda.gateway.v1.Urgency.URGENCY_ROUTINE, r.getUrgency());
        // 22:00 WIB on a working day: nobody is reachable for ROUTINE.
        assertFalse(r.getReachable());
        assertEquals(0, s.getFieldsOrThrow("degradedSources").getListValue().getValuesCount());

        // The reports' statuses in one batch; single reads are only the engine's for people to contact instead.
        assertEquals(1, ATTENDANCE.batchCalls());
        assertFalse(ATTENDANCE.singleAsked().contains("officers/" + SITI), ATTENDANCE.singleAsked().toString());
        // The reports were listed for the manager's own token; attendance statuses with the gateway's.
        assertEquals(BUDI, subjects(POLICY.authorizations()).get(0));
        assertTrue(subjects(ATTENDANCE.authorizations()).stream().allMatch("gateway"::equals));
    }

    @Test
    void boardOfAManagerWithoutReportsIsEmpty() {
        Answer a = get("/v1/team/board", OTHER_MANAGER_TOKEN);

        assertEquals(200, a.status(), a.body());
        assertEquals(0, a.json().getFieldsOrThrow("members").getListValue().getValuesCount());
        assertEquals(0, ATTENDANCE.batchCalls());
    }

    @Test
    void boardSaysWhenAttendanceDidNotAnswer() {
        ATTENDANCE.mode(io.jeda.gateway.FaultMode.FAILING);

        Answer a = get("/v1/team/board", MANAGER_TOKEN);

        assertEquals(200, a.status(), a.body());
        Struct siti = a.json().getFieldsOrThrow("members").getListValue().getValues(0).getStructValue();
        // Not known, so not shown (rather than a null): the board names the service in degradedSources.
        assertFalse(siti.containsFields("attendance"), a.body());
        assertEquals("officers/" + SITI, siti.getFieldsOrThrow("officer").getStringValue());
        assertEquals("attendance-service", a.json().getFieldsOrThrow("degradedSources").getListValue().getValues(0)
                .getStringValue());
        assertEquals(1, ATTENDANCE.batchCalls() + ATTENDANCE.singleCalls(), "one failed call, not one per officer");
    }
}
