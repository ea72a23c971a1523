package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import io.jeda.attendance.v1.ApproveAttendanceCorrectionRequest;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc;
import io.jeda.attendance.v1.CorrectionState;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsRequest;
import io.jeda.attendance.v1.RejectAttendanceCorrectionRequest;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.AdminAnswersAccess;
import io.jeda.testing.ServerChecks;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attendance corrections through the gateway: the officer's and the manager's REST routes and the
 * gRPC service passed on, each reaching attendance-service with the caller's own token and the
 * request it asked for; attendance-service's refusals come back as themselves.
 */
class CorrectionRoutesTest extends PeopleTestBase {

    private static final String ASK = """
            {"requestId": "r-1", "correction": {"date": "2026-11-24", "checkInTime": "07:20",
             "checkOutTime": "16:10", "mode": "OFFICE", "reason": "Lupa absen masuk, rapat pagi"}}""";

    private AdminAnswersAccess attendance() {
        return AdminAnswersAccess.attendance(ATTENDANCE);
    }

    @Test
    void anOfficerAsksForTheirOwnDayWithTheirOwnToken() {
        Answer a = post("/v1/me/attendance-corrections", OFFICER_TOKEN, ASK);
        assertEquals(200, a.status(), a.body());
        var got = attendance().last("CreateAttendanceCorrection");
        CreateAttendanceCorrectionRequest sent = (CreateAttendanceCorrectionRequest) got.request();
        assertEquals("r-1", sent.getRequestId());
        assertEquals("officers/" + SITI, sent.getCorrection().getOfficer(), "always the caller's own day");
        assertEquals(7, sent.getCorrection().getCheckInTime().getHours());
        assertEquals(20, sent.getCorrection().getCheckInTime().getMinutes());
        assertEquals(16, sent.getCorrection().getCheckOutTime().getHours());
        assertEquals(2026, sent.getCorrection().getDate().getYear());
        assertEquals("Lupa absen masuk, rapat pagi", sent.getCorrection().getReason());
        assertEquals("Bearer " + OFFICER_TOKEN, got.authorization(), "the caller's own token, not the gateway's");
        assertEquals("07:20", a.json().getFieldsOrThrow("checkInTime").getStringValue(), "times answer as HH:MM");

        Answer list = get("/v1/me/attendance-corrections?state=PENDING", OFFICER_TOKEN);
        assertEquals(200, list.status(), list.body());
        ListAttendanceCorrectionsRequest asked = (ListAttendanceCorrectionsRequest) attendance()
                .last("ListAttendanceCorrections").request();
        assertEquals("officers/" + SITI, asked.getParent());
        assertEquals(CorrectionState.CORRECTION_STATE_PENDING, asked.getState());
    }

    @Test
    void aManagerListsTheirReportsAndDecides() {
        assertEquals(200, get("/v1/team/attendance-corrections?state=PENDING", MANAGER_TOKEN).status());
        assertEquals("officers/-", ((ListAttendanceCorrectionsRequest) attendance()
                .last("ListAttendanceCorrections").request()).getParent());

        assertEquals(200, post("/v1/team/attendance-corrections/c-1:approve", MANAGER_TOKEN, null).status());
        assertEquals("attendanceCorrections/c-1", ((ApproveAttendanceCorrectionRequest) attendance()
                .last("ApproveAttendanceCorrection").request()).getName());
        assertEquals(200, post("/v1/team/attendance-corrections/attendanceCorrections%2Fc-2:reject", MANAGER_TOKEN,
                "{\"reason\": \"Tidak ada bukti\"}").status());
        RejectAttendanceCorrectionRequest rejected = (RejectAttendanceCorrectionRequest) attendance()
                .last("RejectAttendanceCorrection").request();
        assertEquals("attendanceCorrections/c-2", rejected.getName());
        assertEquals("Tidak ada bukti", rejected.getReason());
        assertEquals("Bearer " + MANAGER_TOKEN, attendance().last("RejectAttendanceCorrection").authorization());
    }

    @Test
    void whoMayNotIsRefusedBeforeAnythingIsForwarded() {
        post("/v1/me/attendance-corrections", AGENCY_TOKEN, ASK).problem(403, "AGENCY_NOT_ALLOWED");
        get("/v1/team/attendance-corrections", OFFICER_TOKEN).problem(403, "MANAGER_REQUIRED");
        post("/v1/team/attendance-corrections/c-1:approve", OFFICER_TOKEN, null).problem(403, "MANAGER_REQUIRED");
        post("/v1/me/attendance-corrections", OFFICER_TOKEN, "{\"correction\": {\"dat\": \"x\"}}")
                .problem(400, "INVALID_JSON");
        get("/v1/me/attendance-corrections?state=MAYBE", OFFICER_TOKEN).problem(400, "INVALID_ENUM_VALUE");
        assertTrue(attendance().received().isEmpty(), attendance().received().toString());
    }

    @Test
    void attendanceServicesRefusalsComeBackAsThemselves() {
        attendance().fail("ApproveAttendanceCorrection", JedaException.permissionDenied("NOT_MANAGER",
                "only the officer's direct manager decides on their correction", "subject", CITRA));
        Struct p = post("/v1/team/attendance-corrections/c-1:approve", OTHER_MANAGER_TOKEN, null)
                .problem(403, "NOT_MANAGER");
        assertEquals(CITRA, p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("subject")
                .getStringValue());
        attendance().fail("CreateAttendanceCorrection", JedaException.of(io.jeda.common.error.ErrorKind.ALREADY_EXISTS,
                "CORRECTION_PENDING", "a correction of this day is already waiting for your manager"));
        post("/v1/me/attendance-corrections", OFFICER_TOKEN, ASK).problem(409, "CORRECTION_PENDING");
        attendance().fail("CreateAttendanceCorrection", JedaException.invalidArgument("CORRECTION_WINDOW_PASSED",
                "days older than 30 days can no longer be corrected", "windowDays", "30"));
        post("/v1/me/attendance-corrections", OFFICER_TOKEN, ASK).problem(400, "CORRECTION_WINDOW_PASSED");
        attendance().fail("RejectAttendanceCorrection", JedaException.of(io.jeda.common.error.ErrorKind.NOT_FOUND,
                "CORRECTION_NOT_FOUND", "attendance correction attendanceCorrections/nope does not exist"));
        post("/v1/team/attendance-corrections/nope:reject", MANAGER_TOKEN, "{\"reason\": \"x\"}")
                .problem(404, "CORRECTION_NOT_FOUND");
    }

    @Test
    void theServiceIsPassedOnOverGrpcWithTheCallersToken() throws Exception {
        AttendanceCorrection c = AttendanceCorrectionServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.bearer(OFFICER_TOKEN))
                .createAttendanceCorrection(CreateAttendanceCorrectionRequest.newBuilder().setRequestId("g-1")
                        .setCorrection(AttendanceCorrection.newBuilder().setReason("Lupa")).build());
        assertEquals("Lupa", c.getReason());
        assertEquals("Bearer " + OFFICER_TOKEN, attendance().last("CreateAttendanceCorrection").authorization());
        attendance().fail("ApproveAttendanceCorrection", JedaException.permissionDenied("SELF_APPROVAL",
                "you cannot decide on your own correction"));
        var f = io.jeda.testing.GrpcAssertions.assertFails(io.grpc.Status.Code.PERMISSION_DENIED, "SELF_APPROVAL",
                () -> AttendanceCorrectionServiceGrpc.newBlockingStub(channel)
                        .withCallCredentials(Tokens.bearer(MANAGER_TOKEN))
                        .approveAttendanceCorrection(ApproveAttendanceCorrectionRequest.newBuilder()
                                .setName("attendanceCorrections/c-1").build()));
        assertTrue(f.status().getDescription().contains("own correction"), f.status().toString());
        ServerChecks.assertReflects(channel, List.of("jeda.attendance.v1.AttendanceCorrectionService"));
    }
}
