package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agency systems see reachability, never attendance detail: no reason tells when the officer checked
 * in or out, or whether they are checked in. The officer asking about themself still sees why.
 */
class AgencyPrivacyTest extends GatewayTestBase {

    /** Wednesday 23:00 WIB: late work, seven hours after the window closed. */
    private static final Instant LATE_CHECK_OUT = Instant.parse("2026-11-25T16:00:00Z");
    /** Thursday 07:40 WIB. */
    private static final Instant CHECK_IN = Instant.parse("2026-11-26T00:40:00Z");
    /** Thursday 08:00 WIB, inside the window, still inside the rest. */
    private static final Instant MORNING = Instant.parse("2026-11-26T01:00:00Z");
    /** Thursday 10:00 WIB. */
    private static final Instant TEN = Instant.parse("2026-11-26T03:00:00Z");
    /** Friday 10:00 WIB: the day after an open check-in. */
    private static final Instant NEXT_DAY = Instant.parse("2026-11-27T03:00:00Z");

    /** "checked in", "check-out", "Checked out", "not checked in yet", ... */
    private static final Pattern ATTENDANCE_WORDS = Pattern.compile("check(ed|s)?[ -]?(in|out)",
            Pattern.CASE_INSENSITIVE);

    private Reachability ask(String subject, Urgency u, Instant at, Role... roles) {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(u).setTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build());
    }

    private static List<String> allReasons(Reachability r) {
        List<String> out = new ArrayList<>(r.getReasonsList());
        if (r.hasContactInstead()) {
            out.addAll(r.getContactInstead().getReasonsList());
        }
        return out;
    }

    /** No reason speaks of checking in or out, nor names the given local times. */
    private static void tellsNoAttendance(Reachability r, String... localTimes) {
        for (String reason : allReasons(r)) {
            assertFalse(ATTENDANCE_WORDS.matcher(reason).find(), "an agency is told of attendance: " + reason);
            for (String t : localTimes) {
                assertFalse(reason.contains(t), "an agency is told the time " + t + ": " + reason);
            }
        }
    }

    @Test
    void aRestAfterLateWorkSaysUntilWhenButNotWhenTheOfficerLeft() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-25T00:30:00Z"));
        ATTENDANCE.checkOut(OFFICER, LATE_CHECK_OUT);
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, CHECK_IN);

        for (Urgency u : List.of(Urgency.URGENCY_ROUTINE, Urgency.URGENCY_URGENT, Urgency.URGENCY_EMERGENCY)) {
            Reachability agency = ask("desk-1", u, MORNING, Role.AGENCY);
            tellsNoAttendance(agency, "23:00", "07:40");
            if (u == Urgency.URGENCY_ROUTINE) {
                assertFalse(agency.getReachable());
                assertTrue(agency.getReasonsList().stream().anyMatch(r -> r.contains("after late work")
                        && r.contains("10:00")), agency.getReasonsList().toString());
            }
        }

        Reachability own = ask(OFFICER, Urgency.URGENCY_ROUTINE, MORNING, Role.OFFICER);
        assertTrue(own.getReasonsList().stream().anyMatch(r -> r.contains("checked out") && r.contains("23:00")),
                "the officer's own view keeps the detail: " + own.getReasonsList());
    }

    @Test
    void insideWorkingHoursAnAgencyIsNotToldWhetherTheOfficerCheckedIn() {
        for (Urgency u : List.of(Urgency.URGENCY_ROUTINE, Urgency.URGENCY_EMERGENCY)) {
            tellsNoAttendance(ask("desk-1", u, TEN, Role.AGENCY));
        }
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_HOME, CHECK_IN);
        for (Urgency u : List.of(Urgency.URGENCY_ROUTINE, Urgency.URGENCY_EMERGENCY)) {
            tellsNoAttendance(ask("desk-1", u, TEN, Role.AGENCY), "07:40");
            tellsNoAttendance(ask("desk-1", u, NEXT_DAY, Role.AGENCY), "07:40");
            tellsNoAttendance(ask("desk-1", u, Instant.parse("2026-11-26T12:00:00Z"), Role.AGENCY), "07:40");
        }
        // Nor is a manager or another system (only the officer's own view has the detail).
        tellsNoAttendance(ask("relay-1", Urgency.URGENCY_ROUTINE, NEXT_DAY, Role.SERVICE), "07:40");
    }

    @Test
    void theRestApiTellsAgenciesNoAttendanceEither() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-25T00:30:00Z"));
        ATTENDANCE.checkOut(OFFICER, LATE_CHECK_OUT);
        String body = http.toBlocking().retrieve(HttpRequest.GET("/v1/officers/" + OFFICER
                + "/reachability?urgency=ROUTINE&at=2026-11-26T01:00:00Z").bearerAuth(Tokens.token("desk-1", Role.AGENCY)));
        assertFalse(ATTENDANCE_WORDS.matcher(body).find(), body);
        assertFalse(body.contains("23:00"), body);
        assertTrue(body.contains("10:00"), body);
    }
}
