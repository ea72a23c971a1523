package io.jeda.gateway.http;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.ListExportRecordsRequest;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Role;
import io.jeda.gateway.AdminAnswersAccess;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HR through the gateway: the export records reachable over REST and gRPC with HR's own token, and
 * attendance-service's refusals (outside HR's scope, an unknown unit) reported as such, never as
 * "did not answer".
 */
class HrThroughGatewayTest extends PeopleTestBase {

    private static final String HR_TOKEN = Tokens.scoped("hr-kota", "kota-balikpapan", Role.HR);

    private AdminAnswersAccess attendance() {
        return AdminAnswersAccess.attendance(ATTENDANCE);
    }

    @Test
    void exportRecordsAreListedOverRestAndGrpcWithHrsOwnToken() {
        Answer a = get("/v1/admin/export-records?unit=kota-balikpapan&pageSize=20", HR_TOKEN);
        assertEquals(200, a.status(), a.body());
        var got = attendance().last("ListExportRecords");
        ListExportRecordsRequest sent = (ListExportRecordsRequest) got.request();
        assertEquals("units/kota-balikpapan", sent.getUnit());
        assertEquals(20, sent.getPageSize());
        assertEquals("Bearer " + HR_TOKEN, got.authorization());

        AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(HR_TOKEN))
                .listExportRecords(ListExportRecordsRequest.newBuilder().setUnit("units/kota-balikpapan").build());
        assertEquals("Bearer " + HR_TOKEN, attendance().last("ListExportRecords").authorization());
    }

    @Test
    void aRefusalOutsideHrsScopeIsForbiddenNotUnavailable() {
        attendance().fail("ExportMonthlyRecap", JedaException.permissionDenied("OUTSIDE_ADMIN_SCOPE",
                "the unit is outside the caller's scope", "unit", "units/kota-samarinda"));
        get("/v1/admin/units/kota-samarinda/export?year=2026&month=11", HR_TOKEN).problem(403, "OUTSIDE_ADMIN_SCOPE");
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> AttendanceRecapServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.bearer(HR_TOKEN))
                .exportMonthlyRecap(ExportMonthlyRecapRequest.newBuilder().setUnit("units/kota-samarinda")
                        .setYear(2026).setMonth(11).build()).forEachRemaining(c -> { }));

        attendance().fail("ListExportRecords", JedaException.permissionDenied("OUTSIDE_ADMIN_SCOPE",
                "the unit is outside the caller's scope"));
        get("/v1/admin/export-records", HR_TOKEN).problem(403, "OUTSIDE_ADMIN_SCOPE");
    }

    @Test
    void anUnknownUnitIsNotFoundNotUnavailable() {
        attendance().fail("StreamMonthlyRecap", JedaException.notFound("unit", "units/tidak-ada"));
        get("/v1/admin/units/tidak-ada/recap?year=2026&month=11", HR_TOKEN).problem(404, "UNIT_NOT_FOUND");
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND", () -> AttendanceRecapServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.bearer(HR_TOKEN))
                .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/tidak-ada")
                        .setYear(2026).setMonth(11).build()).forEachRemaining(r -> { }));
    }
}
