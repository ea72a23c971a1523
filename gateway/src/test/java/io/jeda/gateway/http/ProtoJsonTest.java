package io.jeda.gateway.http;

import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.Urgency;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.WorkPlace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API's one JSON mapping, as a client sees it on the wire. */
class ProtoJsonTest {

    @Test
    void booleansAndEmptyListsAreWrittenAlsoAtTheirDefault() {
        String json = ProtoJson.print(Reachability.newBuilder().setOfficer("officers/1").build());

        assertTrue(json.contains("\"reachable\":false"), json);
        assertTrue(json.contains("\"degraded\":false"), json);
        assertTrue(json.contains("\"degradedSources\":[]"), json);
        // A message field that is not set has no value to show.
        assertTrue(!json.contains("contactInstead") && !json.contains("nextReachableAt"), json);
    }

    @Test
    void datesAndTimesAreIsoStringsBothWays() {
        Plan plan = ProtoJson.read("""
                {"startDate": "2026-12-01", "endDate": {"year": 2027, "month": 2, "day": 28},
                 "days": [{"dayOfWeek": "MONDAY", "place": "home", "startTime": "07:30"}]}""", Plan.newBuilder());

        assertEquals(2026, plan.getStartDate().getYear());
        assertEquals(28, plan.getEndDate().getDay());
        assertEquals(WorkPlace.WORK_PLACE_HOME, plan.getDays(0).getPlace());
        assertEquals(7, plan.getDays(0).getStartTime().getHours());
        assertEquals(30, plan.getDays(0).getStartTime().getMinutes());

        String json = ProtoJson.print(plan);
        assertTrue(json.contains("\"startDate\":\"2026-12-01\""), json);
        assertTrue(json.contains("\"endDate\":\"2027-02-28\""), json);
        assertTrue(json.contains("\"startTime\":\"07:30\""), json);
        assertTrue(json.contains("\"place\":\"WORK_PLACE_HOME\""), json);
        assertEquals(plan, ProtoJson.read(json, Plan.newBuilder()), "what is written reads back the same");
    }

    @Test
    void enumValuesAreReadWithOrWithoutPrefix() {
        BatchGetReachabilityRequest a = ProtoJson.read("{\"officers\": [\"officers/1\"], \"urgency\": \"URGENT\"}",
                BatchGetReachabilityRequest.newBuilder());
        BatchGetReachabilityRequest b = ProtoJson.read("{\"officers\": [\"officers/1\"], \"urgency\": \"URGENCY_URGENT\"}",
                BatchGetReachabilityRequest.newBuilder());
        CheckInRequest c = ProtoJson.read("{\"mode\": \"office\"}", CheckInRequest.newBuilder());

        assertEquals(Urgency.URGENCY_URGENT, a.getUrgency());
        assertEquals(a, b);
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, c.getMode());
    }

    @Test
    void unknownFieldsBadDatesAndBadEnumsAreRefusedNamingTheField() {
        JedaException unknown = assertThrows(JedaException.class,
                () -> ProtoJson.read("{\"officerz\": []}", BatchGetReachabilityRequest.newBuilder()));
        assertEquals("INVALID_JSON", unknown.reason());
        assertTrue(unknown.getMessage().contains("officerz"), unknown.getMessage());

        JedaException date = assertThrows(JedaException.class,
                () -> ProtoJson.read("{\"startDate\": \"01-12-2026\"}", Plan.newBuilder()));
        assertEquals("startDate", date.metadata().get("field"));

        JedaException place = assertThrows(JedaException.class, () -> ProtoJson.read(
                "{\"days\": [{\"dayOfWeek\": \"MONDAY\", \"place\": \"BEACH\"}]}", Plan.newBuilder()));
        assertEquals("days[0].place", place.metadata().get("field"));

        assertEquals("INVALID_JSON", assertThrows(JedaException.class,
                () -> ProtoJson.read("[1, 2]", Plan.newBuilder())).reason());
    }

    @Test
    void aMessageWithoutDatesIsPrintedByProtobufAlone() {
        Plan.Builder p = Plan.newBuilder().addDays(PlanDay.newBuilder().setPlace(WorkPlace.WORK_PLACE_OFFICE));
        // Same bytes as protobuf's printer for a type with no date: the reachability path adds no work.
        String reach = ProtoJson.print(Reachability.newBuilder().setOfficer("officers/1").setReachable(true).build());
        assertTrue(reach.startsWith("{\"officer\":\"officers/1\""), reach);
        assertTrue(ProtoJson.print(p).contains("\"place\":\"WORK_PLACE_OFFICE\""));
    }
}
