package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceEventKind;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.DayStatus;
import io.jeda.common.security.Role;
import io.jeda.gateway.FakeCallers;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer acting for themself through /v1/me: each endpoint's answer, refusals, and whose identity travels. */
class OfficerEndpointsTest extends PeopleTestBase {

    private Answer checkIn(String key, String body) {
        return send(HttpRequest.POST("/v1/me/check-ins", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", key), OFFICER_TOKEN);
    }

    @Test
    void meNamesTheCallerWithTheUnitsZoneAndTheTokensRoles() {
        Answer a = get("/v1/me", MANAGER_TOKEN);

        assertEquals(200, a.status(), a.body());
        Struct me = a.json();
        assertEquals("officers/" + BUDI, me.getFieldsOrThrow("officer").getStringValue());
        assertEquals(BUDI, me.getFieldsOrThrow("nip").getStringValue());
        assertEquals("Budi Santoso", me.getFieldsOrThrow("displayName").getStringValue());
        assertEquals("units/u1", me.getFieldsOrThrow("unit").getStringValue());
        assertEquals("Asia/Jakarta", me.getFieldsOrThrow("timeZone").getStringValue());
        assertEquals(List.of("MANAGER", "OFFICER"), me.getFieldsOrThrow("roles").getListValue().getValuesList()
                .stream().map(Value::getStringValue).toList());

        get("/v1/me", Tokens.token("199912312020121009", Role.OFFICER)).problem(404, "OFFICER_NOT_FOUND");
        get("/v1/me", AGENCY_TOKEN).problem(403, "AGENCY_NOT_ALLOWED");
    }

    @Test
    void checkInRecordsTheOfficerFromTheTokenAndEchoesTheEvent() {
        Answer a = checkIn("ci-2026-11-25", CHECK_IN);

        assertEquals(200, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        AttendanceEvent e = a.as(AttendanceEvent.newBuilder()).build();
        assertEquals("officers/" + SITI, e.getOfficer());
        assertEquals(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN, e.getKind());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, e.getMode());
        assertEquals(java.time.Instant.parse("2026-11-25T00:05:00Z").getEpochSecond(), e.getRecordTime().getSeconds());
        assertEquals(12.0, e.getPosition().getAccuracyMeters());
        assertEquals("phone-siti", e.getDeviceId());
        // Field names as in the reachability answers: protobuf's JSON mapping, lowerCamelCase.
        assertTrue(a.body().contains("\"recordTime\"") && a.body().contains("\"ATTENDANCE_MODE_OFFICE\""), a.body());
        assertEquals(1, ATTENDANCE.storedEvents());
    }

    @Test
    void theOfficersOwnTokenReachesAttendanceServiceNotTheGateways() {
        checkIn("ci-identity", CHECK_IN);

        List<String> auth = ATTENDANCE.authorizations();
        assertEquals(List.of("Bearer " + OFFICER_TOKEN), auth);
        assertEquals(List.of(SITI), subjects(auth));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameAnswerAndStoresNothingNew() {
        Answer first = checkIn("ci-retry", CHECK_IN);
        Answer retry = checkIn("ci-retry", CHECK_IN);

        assertEquals(200, first.status(), first.body());
        assertEquals(200, retry.status(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals(1, ATTENDANCE.storedEvents());
    }

    @Test
    void theKeyMayComeInTheBodyInsteadOfTheHeader() {
        String body = CHECK_IN.replace("\"deviceId\"", "\"idempotencyKey\": \"ci-body\", \"deviceId\"");
        Answer first = post("/v1/me/check-ins", OFFICER_TOKEN, body);
        Answer retry = checkIn("ci-body", CHECK_IN);

        assertEquals(200, first.status(), first.body());
        assertEquals(first.body(), retry.body());
        assertEquals(1, ATTENDANCE.storedEvents());
    }

    @Test
    void differingHeaderAndBodyKeysAreRefusedBeforeAnythingIsForwarded() {
        String body = CHECK_IN.replace("\"deviceId\"", "\"idempotencyKey\": \"one\", \"deviceId\"");
        Struct p = checkIn("two", body).problem(400, "IDEMPOTENCY_KEY_MISMATCH");

        assertEquals("idempotencyKey", p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("field")
                .getStringValue());
        assertEquals(0, ATTENDANCE.storedEvents());
    }

    @Test
    void checkingInTwiceIsAConflictWithTheServicesReason() {
        checkIn("ci-a", CHECK_IN);
        Struct p = checkIn("ci-b", CHECK_IN).problem(409, "ALREADY_CHECKED_IN");

        assertEquals("officers/" + SITI, p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("officer")
                .getStringValue());
        assertEquals("urn:jeda:problem:ALREADY_CHECKED_IN", p.getFieldsOrThrow("type").getStringValue());
    }

    @Test
    void aMalformedCheckInIsABadRequestNamingTheField() {
        Struct p = checkIn("ci-bad", "{\"mode\": \"OFFICE\", \"deviceTime\": \"2026-11-25T00:05:00Z\"}")
                .problem(400, "INVALID_FIELD");

        assertEquals("position", p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("field")
                .getStringValue());
        checkIn("ci-bad2", "{\"mode\": \"OFFICE\",").problem(400, "INVALID_JSON");
    }

    @Test
    void aCheckInThroughTheGatewayIsSeenByReachabilityAtOnce() {
        String ask = "/v1/officers/" + SITI + "/reachability?urgency=ROUTINE";
        get(ask, AGENCY_TOKEN);
        get(ask, AGENCY_TOKEN);
        int before = ATTENDANCE.singleCalls();

        assertEquals(200, checkIn("ci-fresh", CHECK_IN).status());
        get(ask, AGENCY_TOKEN);

        // The status cached before the check-in is forgotten: the next answer reads it again.
        assertEquals(before + 1, ATTENDANCE.singleCalls(), ATTENDANCE.singleAsked().toString());
    }

    @Test
    void checkOutClosesTheOpenCheckIn() {
        checkIn("ci-day", CHECK_IN);
        Answer a = send(HttpRequest.POST("/v1/me/check-outs", CHECK_IN.replace("00:05:00Z", "09:10:00Z")
                .replace("\"OFFICE\"", "\"HOME\"")).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "co-day"), OFFICER_TOKEN);

        assertEquals(200, a.status(), a.body());
        AttendanceEvent e = a.as(AttendanceEvent.newBuilder()).build();
        assertEquals(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_OUT, e.getKind());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_HOME, e.getMode());

        send(HttpRequest.POST("/v1/me/check-outs", CHECK_IN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "co-again"), OFFICER_TOKEN).problem(409, "NOT_CHECKED_IN");
    }

    @Test
    void scheduleListsEachDateOfTheRange() {
        Answer a = get("/v1/me/schedule?from=2026-11-23&to=2026-11-29", OFFICER_TOKEN);

        assertEquals(200, a.status(), a.body());
        ListEffectiveSchedulesResponse r = a.as(ListEffectiveSchedulesResponse.newBuilder()).build();
        assertEquals(7, r.getSchedulesCount());
        assertEquals("officers/" + SITI, r.getSchedules(0).getOfficer());
        assertTrue(r.getSchedules(0).getWorking());
        assertEquals(WorkPlace.WORK_PLACE_OFFICE, r.getSchedules(0).getPlace());
        assertFalse(r.getSchedules(5).getWorking());
        assertEquals(ScheduleReason.SCHEDULE_REASON_WEEKEND, r.getSchedules(5).getReason());
        assertEquals(List.of(SITI), subjects(POLICY.authorizations()));

        get("/v1/me/schedule?from=2026-11-23&to=2027-01-29", OFFICER_TOKEN).problem(400, "INVALID_DATE_RANGE");
        get("/v1/me/schedule?from=23-11-2026", OFFICER_TOKEN).problem(400, "INVALID_FIELD");
    }

    @Test
    void aPlanIsCreatedAsDraftThenSubmittedAndListed() {
        String plan = """
                {"startDate": {"year": 2026, "month": 12, "day": 1}, "endDate": {"year": 2027, "month": 2, "day": 28},
                 "days": [{"dayOfWeek": "MONDAY", "place": "HOME", "startTime": {"hours": 7, "minutes": 30}},
                          {"dayOfWeek": "TUESDAY", "place": "OFFICE"}],
                 "note": "Senin di rumah"}""";
        Answer created = send(HttpRequest.POST("/v1/me/plans", plan).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "plan-1"), OFFICER_TOKEN);

        assertEquals(200, created.status(), created.body());
        Plan p = created.as(Plan.newBuilder()).build();
        assertEquals("officers/" + SITI, p.getOfficer());
        assertEquals(PlanState.PLAN_STATE_DRAFT, p.getState());
        assertEquals(WorkPlace.WORK_PLACE_HOME, p.getDays(0).getPlace());
        assertEquals("Senin di rumah", p.getNote());

        Answer again = send(HttpRequest.POST("/v1/me/plans", plan).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "plan-1"), OFFICER_TOKEN);
        assertEquals(p.getName(), again.as(Plan.newBuilder()).getName(), "a retried create returns the first plan");

        String id = p.getName().substring("plans/".length());
        Answer submitted = post("/v1/me/plans/" + id + ":submit", OFFICER_TOKEN, null);
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, submitted.as(Plan.newBuilder()).getState());

        ListPlansResponse mine = get("/v1/me/plans?state=SUBMITTED", OFFICER_TOKEN)
                .as(ListPlansResponse.newBuilder()).build();
        assertEquals(List.of(p.getName()), mine.getPlansList().stream().map(Plan::getName).toList());
        assertEquals(p.getName(), get("/v1/me/plans/" + id, OFFICER_TOKEN).as(Plan.newBuilder()).getName());

        post("/v1/me/plans/" + id + ":submit", OFFICER_TOKEN, null).problem(409, "ILLEGAL_TRANSITION");
        get("/v1/me/plans?state=SLEEPING", OFFICER_TOKEN).problem(400, "INVALID_ENUM_VALUE");
    }

    @Test
    void everyRuleASubmissionBreaksComesBackAsViolations() {
        String plan = """
                {"startDate": {"year": 2026, "month": 12, "day": 1}, "endDate": {"year": 2027, "month": 2, "day": 28},
                 "days": [{"dayOfWeek": "MONDAY", "place": "HOME"}, {"dayOfWeek": "TUESDAY", "place": "HOME"},
                          {"dayOfWeek": "WEDNESDAY", "place": "HOME"}]}""";
        String id = post("/v1/me/plans", OFFICER_TOKEN, plan).as(Plan.newBuilder()).getName().substring(6);

        Struct p = post("/v1/me/plans/" + id + ":submit", OFFICER_TOKEN, null).problem(409, "PLAN_VIOLATES_POLICY");

        List<Value> v = p.getFieldsOrThrow("violations").getListValue().getValuesList();
        assertEquals(1, v.size(), p.toString());
        Struct first = v.get(0).getStructValue();
        assertEquals("REMOTE_DAYS_EXCEEDED", first.getFieldsOrThrow("reason").getStringValue());
        assertEquals("days", first.getFieldsOrThrow("subject").getStringValue());
        assertTrue(first.getFieldsOrThrow("message").getStringValue().contains("at most 2"));
    }

    @Test
    void validateOnlyShowsEveryBrokenRuleBeforeSendingAndStoresNothing() {
        String broken = """
                {"startDate": "2026-12-01", "endDate": "2027-02-28",
                 "days": [{"dayOfWeek": "MONDAY", "place": "HOME"}, {"dayOfWeek": "TUESDAY", "place": "HOME"},
                          {"dayOfWeek": "WEDNESDAY", "place": "HOME"}]}""";
        String fine = """
                {"startDate": "2026-12-01", "endDate": "2027-02-28",
                 "days": [{"dayOfWeek": "MONDAY", "place": "HOME", "startTime": "07:30"}]}""";

        int plansBefore = get("/v1/me/plans", OFFICER_TOKEN).as(ListPlansResponse.newBuilder()).getPlansCount();
        int exceptionsBefore = get("/v1/me/day-exceptions", OFFICER_TOKEN).as(ListDayExceptionsResponse.newBuilder())
                .getDayExceptionsCount();

        Struct p = post("/v1/me/plans?validateOnly=true", OFFICER_TOKEN, broken).problem(409, "PLAN_VIOLATES_POLICY");
        assertEquals("REMOTE_DAYS_EXCEEDED", p.getFieldsOrThrow("violations").getListValue().getValues(0)
                .getStructValue().getFieldsOrThrow("reason").getStringValue());
        Answer ok = post("/v1/me/plans?validateOnly=TRUE", OFFICER_TOKEN, fine);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("", ok.as(Plan.newBuilder()).getName());
        // Neither check left a plan behind.
        assertEquals(plansBefore, get("/v1/me/plans", OFFICER_TOKEN).as(ListPlansResponse.newBuilder()).getPlansCount());

        Answer exception = post("/v1/me/day-exceptions?validateOnly=true", OFFICER_TOKEN,
                "{\"date\": \"2026-12-03\", \"place\": \"HOME\"}");
        assertEquals(200, exception.status(), exception.body());
        assertEquals("", exception.as(DayException.newBuilder()).getName());
        assertEquals(exceptionsBefore, get("/v1/me/day-exceptions", OFFICER_TOKEN)
                .as(ListDayExceptionsResponse.newBuilder()).getDayExceptionsCount());

        post("/v1/me/plans?validateOnly=maybe", OFFICER_TOKEN, fine).problem(400, "INVALID_FIELD");
    }

    @Test
    void fieldViolationsOfAnIncompletePlanArePreserved() {
        Struct p = post("/v1/me/plans", OFFICER_TOKEN, "{\"note\": \"lupa\"}").problem(400, "INVALID_PLAN");

        List<String> fields = p.getFieldsOrThrow("violations").getListValue().getValuesList().stream()
                .map(x -> x.getStructValue().getFieldsOrThrow("subject").getStringValue()).toList();
        assertEquals(List.of("plan.start_date", "plan.end_date", "plan.days"), fields);
        assertEquals("FIELD_REQUIRED", p.getFieldsOrThrow("violations").getListValue().getValues(0).getStructValue()
                .getFieldsOrThrow("reason").getStringValue());
    }

    @Test
    void anotherOfficersPlanCannotBeSubmittedTheServiceRefusesIt() {
        String budis = POLICY.seedPlan(BUDI, PlanState.PLAN_STATE_DRAFT);

        post("/v1/me/plans/" + budis + ":submit", OFFICER_TOKEN, null).problem(403, "NOT_OWNER");
        assertEquals(PlanState.PLAN_STATE_DRAFT, POLICY.plan(budis).getState());
        get("/v1/me/plans/nope", OFFICER_TOKEN).problem(404, "PLAN_NOT_FOUND");
    }

    @Test
    void aDayExceptionIsRequestedAndListed() {
        Answer a = post("/v1/me/day-exceptions", OFFICER_TOKEN,
                "{\"date\": {\"year\": 2026, \"month\": 12, \"day\": 3}, \"place\": \"HOME\", \"note\": \"anak sakit\"}");

        assertEquals(200, a.status(), a.body());
        DayException e = a.as(DayException.newBuilder()).build();
        assertEquals("officers/" + SITI, e.getOfficer());
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, e.getState());
        assertEquals(WorkPlace.WORK_PLACE_HOME, e.getPlace());

        ListDayExceptionsResponse mine = get("/v1/me/day-exceptions", OFFICER_TOKEN)
                .as(ListDayExceptionsResponse.newBuilder()).build();
        assertEquals(List.of(e.getName()), mine.getDayExceptionsList().stream().map(DayException::getName).toList());
    }

    @Test
    void attendanceMonthListsEveryDay() {
        Answer a = get("/v1/me/attendance?month=2026-11", OFFICER_TOKEN);

        assertEquals(200, a.status(), a.body());
        AttendanceMonth m = a.as(AttendanceMonth.newBuilder()).build();
        assertEquals(30, m.getDaysCount());
        assertEquals("officers/" + SITI, m.getOfficer());
        assertEquals(DayStatus.DAY_STATUS_OFF_DAY, m.getDays(0).getStatus());
        assertEquals(List.of(SITI), subjects(ATTENDANCE.authorizations()));
        get("/v1/me/attendance?month=November", OFFICER_TOKEN).problem(400, "INVALID_FIELD");
    }

    @Test
    void noCallOnTheseEndpointsPresentsTheGatewaysServiceToken() {
        checkIn("ci-x", CHECK_IN);
        get("/v1/me/schedule?from=2026-11-23", OFFICER_TOKEN);
        get("/v1/me/plans", OFFICER_TOKEN);

        assertFalse(POLICY.authorizations().isEmpty());
        assertTrue(subjects(POLICY.authorizations()).stream().allMatch(SITI::equals), POLICY.authorizations().toString());
        assertTrue(subjects(ATTENDANCE.authorizations()).stream().allMatch(SITI::equals));
        assertFalse(subjects(POLICY.authorizations()).contains("gateway"));
        assertTrue(FakeCallers.subject(POLICY.authorizations().get(0)).equals(SITI));
    }
}
