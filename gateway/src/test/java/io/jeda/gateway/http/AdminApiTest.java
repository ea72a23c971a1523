package io.jeda.gateway.http;

import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.MonthlyRecapRow;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.security.Role;
import io.jeda.gateway.AdminAnswersAccess;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateOfficerRequest;
import io.jeda.testing.ServerChecks;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administration through the gateway: the admin services of policy-service and attendance-service on
 * the gateway's gRPC port and under /v1/admin, each call reaching the service with the caller's own
 * token and the request it asked for.
 */
class AdminApiTest extends PeopleTestBase {

    private static final String ADMIN_TOKEN = Tokens.scoped("admin-kota", "kota-balikpapan", Role.ADMIN);

    @Test
    void aUnitIsCreatedOverRestWithTheCallersTokenAndTheWholeBody() {
        Answer a = post("/v1/admin/units?unitId=diskominfo", ADMIN_TOKEN, """
                {"displayName": "Diskominfo", "parent": "units/kota-balikpapan", "timeZone": "Asia/Makassar",
                 "dayCloseTime": "23:00",
                 "offices": [{"id": "utama", "displayName": "Kantor Utama",
                              "geofence": {"center": {"latitude": -1.2379, "longitude": 116.8529}, "radiusMeters": 150}}]}""");
        assertEquals(200, a.status(), a.body());
        assertEquals("Diskominfo", a.as(Unit.newBuilder()).getDisplayName());
        var got = AdminAnswersAccess.policy(POLICY).last("CreateUnit");
        CreateUnitRequest sent = (CreateUnitRequest) got.request();
        assertEquals("diskominfo", sent.getUnitId());
        assertEquals("units/kota-balikpapan", sent.getUnit().getParent());
        assertEquals(150, sent.getUnit().getOffices(0).getGeofence().getRadiusMeters());
        assertEquals(23, sent.getUnit().getDayCloseTime().getHours());
        assertEquals("Bearer " + ADMIN_TOKEN, got.authorization(), "the caller's own token, not the gateway's");
    }

    @Test
    void anUpdateTakesItsMaskInJsonNamesAndThePathNamesTheResource() {
        Answer a = send(HttpRequest.PATCH("/v1/admin/officers/199001152015032004?updateMask=displayName,position",
                "{\"displayName\": \"Siti\", \"position\": \"positions/analis\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), ADMIN_TOKEN);
        assertEquals(200, a.status(), a.body());
        UpdateOfficerRequest sent = (UpdateOfficerRequest) AdminAnswersAccess.policy(POLICY).last("UpdateOfficer").request();
        assertEquals("officers/199001152015032004", sent.getOfficer().getName());
        assertEquals(List.of("display_name", "position"), sent.getUpdateMask().getPathsList());
    }

    @Test
    void anUnknownBodyFieldIsRefusedBeforeAnythingIsForwarded() {
        post("/v1/admin/units?unitId=x", ADMIN_TOKEN, "{\"displayNmae\": \"typo\"}").problem(400, "INVALID_JSON");
        assertTrue(AdminAnswersAccess.policy(POLICY).received().isEmpty());
    }

    @Test
    void aCsvImportIsForwardedAsSent() {
        String csv = "\uFEFFnip,display_name,unit,position\r\n199001152015032004,\"Siti, S.Kom.\",u1,analis\r\n";
        Answer a = post("/v1/admin/officers:import", ADMIN_TOKEN, "{\"csv\": " + com.google.gson.JsonParser
                .parseString(new com.google.gson.Gson().toJson(csv)) + ", \"validateOnly\": true}");
        assertEquals(200, a.status(), a.body());
        var sent = (io.jeda.policy.v1.ImportOfficersRequest) AdminAnswersAccess.policy(POLICY).last("ImportOfficers").request();
        assertEquals(csv, sent.getCsv());
        assertTrue(sent.getValidateOnly());
    }

    @Test
    void positionsAndCalendarCsvImportsAreForwardedOverRestAndGrpc() {
        String positions = "\uFEFFposition_id;display_name;fwa_eligible\r\npranata-komputer;\"Pranata; Ahli\";ya\r\n";
        Answer a = post("/v1/admin/positions:import", ADMIN_TOKEN, "{\"csv\": " + new com.google.gson.Gson()
                .toJson(positions) + ", \"validateOnly\": true}");
        assertEquals(200, a.status(), a.body());
        var sent = (io.jeda.policy.v1.ImportPositionsRequest) AdminAnswersAccess.policy(POLICY).last("ImportPositions")
                .request();
        assertEquals(positions, sent.getCsv());
        assertTrue(sent.getValidateOnly());
        assertEquals("Bearer " + ADMIN_TOKEN, AdminAnswersAccess.policy(POLICY).last("ImportPositions").authorization());
        String days = "date,kind,description\n2027-01-01,LIBUR_NASIONAL,Tahun Baru\n";
        a = post("/v1/admin/calendar-days:import", ADMIN_TOKEN, "{\"csv\": " + new com.google.gson.Gson().toJson(days) + "}");
        assertEquals(200, a.status(), a.body());
        assertEquals(days, ((io.jeda.policy.v1.ImportCalendarDaysRequest) AdminAnswersAccess.policy(POLICY)
                .last("ImportCalendarDays").request()).getCsv());
        io.jeda.policy.v1.ImportServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(ADMIN_TOKEN))
                .importCalendarDays(io.jeda.policy.v1.ImportCalendarDaysRequest.newBuilder().setCsv("grpc")
                        .setValidateOnly(true).build());
        assertEquals("grpc", ((io.jeda.policy.v1.ImportCalendarDaysRequest) AdminAnswersAccess.policy(POLICY)
                .last("ImportCalendarDays").request()).getCsv());
        post("/v1/admin/positions:import", ADMIN_TOKEN, "{\"cvs\": \"typo\"}").problem(400, "INVALID_JSON");
    }

    @Test
    void theCsvExportComesBackAsAFile() {
        Answer a = get("/v1/admin/units/kota-balikpapan/export?year=2026&month=11", ADMIN_TOKEN);
        assertEquals(200, a.status(), a.body());
        assertTrue(a.contentType().startsWith("text/csv"), a.contentType());
        assertTrue(a.body().startsWith("officer,"), a.body());
        assertEquals("Bearer " + ADMIN_TOKEN, AdminAnswersAccess.attendance(ATTENDANCE).last("ExportMonthlyRecap").authorization());
    }

    @Test
    void theAdminServicesAnswerOnTheGatewaysGrpcPortToo() throws Exception {
        Unit u = UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(ADMIN_TOKEN))
                .createUnit(CreateUnitRequest.newBuilder().setUnitId("seksi")
                        .setUnit(Unit.newBuilder().setDisplayName("Seksi").setTimeZone("Asia/Makassar")).build());
        assertEquals("Seksi", u.getDisplayName());
        assertEquals("Bearer " + ADMIN_TOKEN, AdminAnswersAccess.policy(POLICY).last("CreateUnit").authorization());

        List<MonthlyRecapRow> rows = new ArrayList<>();
        AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(ADMIN_TOKEN))
                .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/kota-balikpapan")
                        .setYear(2026).setMonth(11).build()).forEachRemaining(rows::add);
        assertEquals(1, rows.size());

        // Server reflection describes them like the gateway's own services.
        ServerChecks.assertReflects(channel, List.of("jeda.policy.v1.UnitService", "jeda.policy.v1.OfficerService",
                "jeda.policy.v1.AdminChangeService", "jeda.attendance.v1.AttendanceRecapService"));
    }
}
