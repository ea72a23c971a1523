package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.attendance.v1.VerificationState;
import org.junit.jupiter.api.Test;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer's check-in is never lost because policy-service is slow or down. */
class PolicyFaultTest extends AttendanceTestBase {

    @jakarta.inject.Inject
    io.jeda.attendance.app.Reconciliation reconciliation;

    @Test
    void stalledPolicyServiceStillAnswersPromptlyAndFlagsTheCheckIn() {
        POLICY.behave(FakePolicyService.Behaviour.STALL);
        long start = System.nanoTime();
        // Far from the office: with policy-service silent the geofence cannot be checked.
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP).setPosition(at(-6.9175, 107.6191, 5)).build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "answered after " + millis + " ms; the policy deadline is 800 ms");
        assertTrue(e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertEquals(VerificationState.VERIFICATION_STATE_UNVERIFIED, e.getVerification());
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event WHERE verification = 'UNVERIFIED'"));

        OfficerStatus s = officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build());
        assertTrue(s.getCheckedIn());
        assertTrue(s.getUnverified());
    }

    @Test
    void failingPolicyServiceStillAcceptsCheckInAndCheckOut() {
        POLICY.behave(FakePolicyService.Behaviour.FAIL);
        AttendanceEvent in = officer().checkIn(officeCheckIn(NIP).build());
        assertTrue(in.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        AttendanceEvent out = officer().checkOut(officeCheckOut(NIP).build());
        assertTrue(out.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event"));
        // The rules that need no other service still hold while it is down.
        assertFails(io.grpc.Status.Code.FAILED_PRECONDITION, "POSITION_TOO_INACCURATE", () -> officer().checkIn(officeCheckIn(NIP)
                .setPosition(at(OFFICE_LAT, OFFICE_LON, 500)).build()));
    }

    @Test
    void anAnswerAttendanceCannotUseIsTreatedLikeNoAnswer() {
        POLICY.unit("broken", "Mars/Olympus_Mons", OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS);
        String nip = "198001012005011009";
        POLICY.officer(nip, "broken", null, null);
        AttendanceEvent e = as(nip, io.jeda.common.security.Role.OFFICER).checkIn(officeCheckIn(nip).build());
        assertTrue(e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertEquals("Asia/Jakarta", e.getTimeZone());
    }

    @Test
    void policyServiceIsAskedWithTheOfficersOwnToken() {
        officer().checkIn(officeCheckIn(NIP).build());
        assertFalse(POLICY.authorizations().isEmpty());
        String expectedSubject = NIP;
        for (String a : POLICY.authorizations()) {
            assertTrue(a.startsWith("Bearer "), a);
            assertEquals(expectedSubject, subjectOf(a.substring(7)));
        }
    }

    @Test
    void unitsAndSchedulesAreCachedBetweenCheckIns() {
        officer().checkIn(officeCheckIn(NIP).build());
        int first = POLICY.calls();
        officer().checkOut(officeCheckOut(NIP).build());
        assertEquals(first, POLICY.calls(), "a second event the same day needs no new policy lookups");
    }

    @Test
    void reconciliationFlagsWhatWouldHaveBeenRefusedAndVerifiesTheRest() {
        POLICY.behave(FakePolicyService.Behaviour.FAIL);
        AttendanceEvent far = officer().checkIn(officeCheckIn(NIP).setPosition(at(-6.9175, 107.6191, 5)).build());
        officer().checkOut(officeCheckOut(NIP).setPosition(at(-6.9175, 107.6191, 5)).build());
        AttendanceEvent good = as(OTHER_NIP, io.jeda.common.security.Role.OFFICER)
                .checkIn(officeCheckIn(OTHER_NIP).build());

        // Still down: nothing changes, nothing is lost.
        assertEquals(0, reconciliation.catchUp());
        assertEquals(3, count("SELECT COUNT(*) FROM attendance_event WHERE verification = 'UNVERIFIED'"));

        POLICY.behave(FakePolicyService.Behaviour.NORMAL);
        assertEquals(3, reconciliation.catchUp());
        assertEquals(0, reconciliation.catchUp());
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event WHERE verification = 'VIOLATION'"
                + " AND violation = 'OUTSIDE_GEOFENCE'"));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event WHERE verification = 'VERIFIED' AND id = '"
                + good.getName().substring(good.getName().lastIndexOf('/') + 1) + "'"));
        assertEquals(3, count("SELECT COUNT(*) FROM attendance_event"), "violations are flagged, never deleted");
        assertFalse(as(OTHER_NIP, io.jeda.common.security.Role.OFFICER).getCurrentStatus(GetCurrentStatusRequest
                .newBuilder().setOfficer("officers/" + OTHER_NIP).build()).getUnverified());
        // The job has no caller: it asks policy-service as this service.
        assertTrue(POLICY.authorizations().stream().map(a -> subjectOf(a.substring(7)))
                .anyMatch("attendance-service"::equals));
        assertEquals(VerificationState.VERIFICATION_STATE_UNVERIFIED, far.getVerification());
    }

    @Test
    void reconciliationCorrectsTheZoneOfAnOfficerOutsideTheFallbackZone() {
        POLICY.unit("papua", "Asia/Jayapura", -2.5337, 140.7181, 300);
        String papuan = "198812122012122001";
        POLICY.officer(papuan, "papua", null, null);
        POLICY.behave(FakePolicyService.Behaviour.STALL);
        AttendanceEvent e = as(papuan, io.jeda.common.security.Role.OFFICER).checkIn(officeCheckIn(papuan)
                .setPosition(at(-2.5337, 140.7181, 5)).build());
        assertEquals("Asia/Jakarta", e.getTimeZone(), "the configured fallback while policy-service is silent");
        POLICY.behave(FakePolicyService.Behaviour.NORMAL);
        assertEquals(1, reconciliation.catchUp());
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event WHERE time_zone = 'Asia/Jayapura'"
                + " AND verification = 'VERIFIED' AND local_date = '" + java.time.LocalDate.ofInstant(
                java.time.Instant.ofEpochSecond(e.getRecordTime().getSeconds()), java.time.ZoneId.of("Asia/Jayapura")) + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM open_session WHERE time_zone = 'Asia/Jayapura' AND unverified = FALSE"));
    }

    @Test
    void aManagersNarrowerViewOfTheOfficerIsNotReusedForTheOfficersCheckIn() {
        POLICY.allow(NIP, io.jeda.policy.v1.WorkPlace.WORK_PLACE_OFFICE, io.jeda.policy.v1.WorkPlace.WORK_PLACE_HOME);
        // The manager's lookup of the reporting line sees no domicile...
        as(MANAGER_NIP, io.jeda.common.security.Role.MANAGER).getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build());
        // ...yet the officer's own HOME check-in is checked against it.
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP)
                .setMode(io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_HOME)
                .setPosition(at(HOME_LAT, HOME_LON, 10)).build());
        assertEquals(VerificationState.VERIFICATION_STATE_VERIFIED, e.getVerification());
    }

    private static String subjectOf(String jwt) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
