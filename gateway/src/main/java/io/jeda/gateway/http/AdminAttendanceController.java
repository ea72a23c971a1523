package io.jeda.gateway.http;

import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.ListExportRecordsRequest;
import io.jeda.attendance.v1.ListExportRecordsResponse;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.gateway.client.AdminForwarder;
import io.jeda.gateway.v1.MonthlyRecap;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.ByteArrayOutputStream;

/**
 * REST for HR and admins over attendance-service: an officer's attendance day and month, a unit's
 * monthly recap, the audited CSV export and the list of exports. Forwarded with the caller's own
 * token; attendance-service checks HR or ADMIN and the admin scope, and records every export.
 */
@Controller("/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAttendanceController {

    private final AdminForwarder forwarder;

    public AdminAttendanceController(AdminForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Get("/officers/{nip}/attendance-days/{date}")
    public AttendanceDay getAttendanceDay(HttpRequest<?> http, @PathVariable String nip, @PathVariable String date) {
        return forwarder.unary(AuthFilter.token(http), AttendanceDayServiceGrpc.getGetAttendanceDayMethod(),
                GetAttendanceDayRequest.newBuilder().setName(TeamController.name("officers", nip)
                        + "/attendanceDays/" + date).build());
    }

    @Get("/officers/{nip}/attendance")
    public AttendanceMonth getAttendanceMonth(HttpRequest<?> http, @PathVariable String nip,
                                              @QueryValue @Nullable Integer year, @QueryValue @Nullable Integer month) {
        return forwarder.unary(AuthFilter.token(http), AttendanceDayServiceGrpc.getGetAttendanceMonthMethod(),
                GetAttendanceMonthRequest.newBuilder().setOfficer(TeamController.name("officers", nip))
                        .setYear(AdminController.orZero(year)).setMonth(AdminController.orZero(month)).build());
    }

    @Get("/units/{unit}/recap")
    public MonthlyRecap getMonthlyRecap(HttpRequest<?> http, @PathVariable String unit,
                                        @QueryValue @Nullable Integer year, @QueryValue @Nullable Integer month) {
        MonthlyRecap.Builder out = MonthlyRecap.newBuilder();
        forwarder.stream(AuthFilter.token(http), AttendanceRecapServiceGrpc.getStreamMonthlyRecapMethod(),
                StreamMonthlyRecapRequest.newBuilder().setUnit(TeamController.name("units", unit))
                        .setYear(AdminController.orZero(year)).setMonth(AdminController.orZero(month)).build(),
                out::addRows);
        return out.build();
    }

    /** The CSV as attendance-service writes it (UTF-8, quoted); recorded there as an export. */
    @Get("/units/{unit}/export")
    @Produces("text/csv")
    public HttpResponse<byte[]> exportMonthlyRecap(HttpRequest<?> http, @PathVariable String unit,
                                                   @QueryValue @Nullable Integer year,
                                                   @QueryValue @Nullable Integer month) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        forwarder.stream(AuthFilter.token(http), AttendanceRecapServiceGrpc.getExportMonthlyRecapMethod(),
                ExportMonthlyRecapRequest.newBuilder().setUnit(TeamController.name("units", unit))
                        .setYear(AdminController.orZero(year)).setMonth(AdminController.orZero(month)).build(),
                chunk -> csv.writeBytes(chunk.getData().toByteArray()));
        String file = unit.replace("units/", "") + "-" + AdminController.orZero(year) + "-"
                + String.format("%02d", AdminController.orZero(month)) + ".csv";
        return HttpResponse.ok(csv.toByteArray()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    @Get("/export-records")
    public ListExportRecordsResponse listExportRecords(HttpRequest<?> http, @QueryValue @Nullable String unit,
                                                       @QueryValue @Nullable Integer pageSize,
                                                       @QueryValue @Nullable String pageToken) {
        ListExportRecordsRequest.Builder r = ListExportRecordsRequest.newBuilder()
                .setPageSize(AdminController.orZero(pageSize)).setPageToken(AdminController.orEmpty(pageToken));
        if (unit != null) {
            r.setUnit(TeamController.name("units", unit));
        }
        return forwarder.unary(AuthFilter.token(http), AttendanceRecapServiceGrpc.getListExportRecordsMethod(), r.build());
    }
}
