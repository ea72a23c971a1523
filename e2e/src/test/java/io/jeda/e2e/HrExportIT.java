package io.jeda.e2e;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.grpc.StatusRuntimeException;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.ListExportRecordsRequest;
import io.jeda.attendance.v1.MonthlyRecapRow;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR through the gateway against the running services: a unit's attendance days, monthly recap and
 * CSV export for HR's own unit over REST and gRPC; the CSV read back by an independent RFC 4180
 * reader (names with commas and quotes, a correction's reason with a line break); every export
 * recorded and listed; a unit outside HR's scope refused as PERMISSION_DENIED (403), never as
 * unavailable.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HrExportIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    static final String UNIT = "e2e-hr-bpkad";
    static final String MANAGER = "196905151995031205";
    static final String SITI = "199204302019022206";
    static final String SITI_NAME = "Siti \"Ani\" Nurhaliza, S.Kom.";
    static final String LUH = "198512012010121207";
    static final String LUH_NAME = "Ni Luh Putu Ayu, S.E., M.Ak.";
    static final String REASON = "Lupa absen; \"mesin\" antre,\nsudah lapor ke Kasubbag";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JedaServices services;
    private LocalDate day;
    private final String hr = Tokens.scoped("198001012005011001", UNIT, Role.HR);

    @BeforeAll
    void agency(JedaServices services) {
        this.services = services;
        PolicyAdmin admin = new PolicyAdmin(services, "e2e-hr-admin");
        admin.unit(UNIT, "BPKAD Uji Ekspor", ZONE, -1.2654, 116.8312, 150);
        admin.as(PositionServiceGrpc.newBlockingStub(admin.policy())).createPosition(CreatePositionRequest.newBuilder()
                .setPositionId("e2e-hr-staf").setPosition(Position.newBuilder().setDisplayName("Staf Keuangan")
                        .setFwaEligible(false).setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        admin.officer(UNIT, MANAGER, "Yohanes Pattiasina", "e2e-hr-staf", "", -1.2600, 116.8300);
        admin.officer(UNIT, SITI, SITI_NAME, "e2e-hr-staf", MANAGER, -1.2610, 116.8320);
        admin.officer(UNIT, LUH, LUH_NAME, "e2e-hr-staf", MANAGER, -1.2620, 116.8330);
        day = LocalDate.now(ZONE).minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        // Siti forgot to check in; her manager approves the correction.
        String asked = send("POST", "/v1/me/attendance-corrections", Tokens.token(SITI, Role.OFFICER),
                "{\"requestId\": \"hr-e2e-1\", \"correction\": {\"date\": \"" + day + "\", \"checkInTime\": \"07:25\","
                        + " \"checkOutTime\": \"16:05\", \"mode\": \"OFFICE\", \"reason\": "
                        + com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(REASON)) + "}}")
                .body();
        String id = com.google.gson.JsonParser.parseString(asked).getAsJsonObject().get("name").getAsString()
                .split("/")[1];
        HttpResponse<String> approved = send("POST", "/v1/team/attendance-corrections/" + id + ":approve",
                Tokens.token(MANAGER, Role.OFFICER, Role.MANAGER), "{}");
        assertEquals(200, approved.statusCode(), approved.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(services.gatewayHttp().resolve(path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void hrExportsItsUnitThroughTheGatewayAsQuotedCsvAndTheExportIsListed() {
        YearMonth month = YearMonth.from(day);
        HttpResponse<String> csv = send("GET", "/v1/admin/units/" + UNIT + "/export?year=" + month.getYear()
                + "&month=" + month.getMonthValue(), hr, null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<Map<String, String>> rows;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv.body())) {
            rows = reader.stream().map(NamedCsvRecord::getFieldsAsMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(3 * month.lengthOfMonth(), rows.size(), "one record per officer and day, however names read");
        Map<String, String> corrected = rows.stream().filter(r -> r.get("nip").equals(SITI)
                && r.get("date").equals(day.toString())).findFirst().orElseThrow();
        assertEquals(SITI_NAME, corrected.get("name"));
        assertEquals("PRESENT", corrected.get("status"), corrected.toString());
        assertEquals("true", corrected.get("corrected"));
        assertEquals(REASON, corrected.get("correction_reason"));
        assertEquals(MANAGER, corrected.get("corrected_by"));
        assertTrue(rows.stream().anyMatch(r -> r.get("name").equals(LUH_NAME)), "the other name, commas and all");

        // The export is recorded (who, unit, month) and listed, over REST and over gRPC.
        HttpResponse<String> records = send("GET", "/v1/admin/export-records?unit=" + UNIT, hr, null);
        assertEquals(200, records.statusCode(), records.body());
        var list = com.google.gson.JsonParser.parseString(records.body()).getAsJsonObject()
                .getAsJsonArray("exportRecords");
        assertTrue(list.size() >= 1, records.body());
        var first = list.get(0).getAsJsonObject();
        assertEquals("198001012005011001", first.get("exportedBy").getAsString());
        assertEquals("units/" + UNIT, first.get("unit").getAsString());
        assertEquals(month.getMonthValue(), first.get("month").getAsInt());
        assertEquals(3, first.get("officerCount").getAsInt());
        var viaGrpc = AttendanceRecapServiceGrpc.newBlockingStub(services.channel(JedaServices.Service.GATEWAY))
                .withCallCredentials(Tokens.bearer(hr)).withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS)
                .listExportRecords(ListExportRecordsRequest.newBuilder().setUnit("units/" + UNIT).build());
        assertEquals(first.get("name").getAsString(), viaGrpc.getExportRecords(0).getName());
    }

    @Test
    void hrReadsDaysAndTheRecapOverTheGatewaysGrpc() {
        var channel = services.channel(JedaServices.Service.GATEWAY);
        AttendanceDay d = AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(hr))
                .withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS)
                .getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                        .setName("officers/" + SITI + "/attendanceDays/" + day).build());
        assertEquals(1, d.getCorrectionsCount(), d.toString());
        List<MonthlyRecapRow> rows = new ArrayList<>();
        AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.bearer(hr))
                .withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS)
                .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                        .setYear(day.getYear()).setMonth(day.getMonthValue()).build()).forEachRemaining(rows::add);
        MonthlyRecapRow siti = rows.stream().filter(r -> r.getOfficer().equals("officers/" + SITI)).findFirst()
                .orElseThrow();
        assertEquals(1, siti.getCorrectedDays());
        assertEquals(SITI_NAME, siti.getDisplayName());

        HttpResponse<String> rest = send("GET", "/v1/admin/officers/" + SITI + "/attendance-days/" + day, hr, null);
        assertEquals(200, rest.statusCode(), rest.body());
        assertTrue(rest.body().contains("\"corrections\""), rest.body());
    }

    @Test
    void hrOfAnotherUnitIsForbiddenNotUnavailable() {
        String elsewhere = Tokens.scoped("198001012005011001", "e2e-hr-unit-lain", Role.HR);
        HttpResponse<String> export = send("GET", "/v1/admin/units/" + UNIT + "/export?year=" + day.getYear()
                + "&month=" + day.getMonthValue(), elsewhere, null);
        assertEquals(403, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> dayAnswer = send("GET", "/v1/admin/officers/" + SITI + "/attendance-days/" + day,
                elsewhere, null);
        assertEquals(403, dayAnswer.statusCode(), dayAnswer.body());
        HttpResponse<String> unknown = send("GET", "/v1/admin/officers/199912312020121299/attendance-days/" + day,
                hr, null);
        assertTrue(unknown.statusCode() == 404 || unknown.statusCode() == 403, unknown.body());
        try {
            AttendanceRecapServiceGrpc.newBlockingStub(services.channel(JedaServices.Service.GATEWAY))
                    .withCallCredentials(Tokens.bearer(elsewhere))
                    .withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS)
                    .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                            .setYear(day.getYear()).setMonth(day.getMonthValue()).build()).forEachRemaining(r -> { });
            throw new AssertionError("HR of another unit read the recap");
        } catch (StatusRuntimeException e) {
            assertEquals(io.grpc.Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.getStatus().toString());
        }
    }
}
