package io.jeda.attendance;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.CsvChunk;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.MonthlyRecapRow;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unit's monthly recap as HR reads and exports it, and who may not. */
class RecapTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final LocalDate yesterday = LocalDate.now(WIB).minusDays(1);
    private final YearMonth month = YearMonth.from(yesterday);

    private AttendanceRecapServiceGrpc.AttendanceRecapServiceBlockingStub recap(String subject, Role... roles) {
        return AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private StreamMonthlyRecapRequest streamRequest() {
        return StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT).setYear(month.getYear())
                .setMonth(month.getMonthValue()).build();
    }

    private ExportMonthlyRecapRequest exportRequest() {
        return ExportMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT).setYear(month.getYear())
                .setMonth(month.getMonthValue()).build();
    }

    private void workedYesterday() {
        officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(yesterday.atTime(LocalTime.of(7, 25))
                .atZone(WIB).toInstant())).build());
        officer().checkOut(officeCheckOut(NIP).setDeviceTime(ts(yesterday.atTime(LocalTime.of(16, 5))
                .atZone(WIB).toInstant())).build());
    }

    private static <T> List<T> drain(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void recapCountsEveryOfficersDaysWithoutPositions() {
        workedYesterday();
        List<MonthlyRecapRow> rows = drain(recap("hr-1", Role.HR).streamMonthlyRecap(streamRequest()));
        assertEquals(List.of("officers/" + MANAGER_NIP, "officers/" + NIP, "officers/" + OTHER_NIP),
                rows.stream().map(MonthlyRecapRow::getOfficer).toList(), "every officer of the unit, by NIP");
        MonthlyRecapRow mine = rows.get(1);
        assertEquals(1, mine.getPresentDays());
        assertEquals(yesterday.getDayOfMonth() - 1, mine.getAbsentDays());
        assertEquals(month.lengthOfMonth() - yesterday.getDayOfMonth(), mine.getPendingDays());
        assertEquals(460, mine.getWorkedMinutes());
        assertEquals(1, mine.getFlaggedDays());
        assertEquals(1, mine.getCoreHoursMetDays());
        assertEquals(0, rows.get(2).getPresentDays());
        assertFalse(rows.toString().contains(Double.toString(OFFICE_LAT)));
        assertEquals(0, count("SELECT COUNT(*) FROM export_audit"), "a recap without positions is not an export");
    }

    @Test
    void hrExportIsCsvWithPositionsAndIsAudited() {
        workedYesterday();
        List<CsvChunk> chunks = drain(recap("hr-1", Role.HR).exportMonthlyRecap(exportRequest()));
        String csv = chunks.stream().map(CsvChunk::getData).reduce(ByteString.EMPTY, ByteString::concat)
                .toString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        assertTrue(lines[0].startsWith("nip,date,time_zone,status,"));
        assertEquals(1 + 3 * month.lengthOfMonth(), lines.length);
        String line = java.util.Arrays.stream(lines).filter(l -> l.startsWith(NIP + "," + yesterday)).findFirst()
                .orElseThrow();
        assertTrue(line.contains(",PRESENT,460,450,true,"), line);
        assertTrue(line.contains("LATE_SYNC"), line);
        assertTrue(line.contains(OFFICE_LAT + "," + OFFICE_LON + ",10.0"), line);

        assertEquals(1, count("SELECT COUNT(*) FROM export_audit WHERE subject = 'hr-1' AND unit_id = '" + UNIT
                + "' AND recap_month = '" + month + "' AND officer_count = 3"));
    }

    @Test
    void exportsAreListedForHrOnly() {
        drain(recap("hr-1", Role.HR).exportMonthlyRecap(exportRequest()));
        drain(recap("admin", Role.ADMIN).exportMonthlyRecap(exportRequest()));
        var first = recap("hr-2", Role.HR).listExportRecords(
                io.jeda.attendance.v1.ListExportRecordsRequest.newBuilder().setPageSize(1).build());
        assertEquals(1, first.getExportRecordsCount());
        assertFalse(first.getNextPageToken().isEmpty());
        var second = recap("hr-2", Role.HR).listExportRecords(io.jeda.attendance.v1.ListExportRecordsRequest
                .newBuilder().setPageSize(1).setPageToken(first.getNextPageToken()).build());
        assertEquals(1, second.getExportRecordsCount());
        assertEquals(java.util.Set.of("hr-1", "admin"), java.util.Set.of(first.getExportRecords(0).getExportedBy(),
                second.getExportRecords(0).getExportedBy()));
        // The last page says so, and a token is good only for the request that made it.
        assertTrue(second.getNextPageToken().isEmpty(), "no next page after the last one");
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN", () -> recap("hr-2", Role.HR)
                .listExportRecords(io.jeda.attendance.v1.ListExportRecordsRequest.newBuilder().setPageSize(1)
                        .setUnit("units/elsewhere").setPageToken(first.getNextPageToken()).build()));
        var r = first.getExportRecords(0);
        assertEquals("units/" + UNIT, r.getUnit());
        assertEquals(month.getMonthValue(), r.getMonth());
        assertEquals(3, r.getOfficerCount());
        assertEquals(0, recap("hr-2", Role.HR).listExportRecords(io.jeda.attendance.v1.ListExportRecordsRequest
                .newBuilder().setUnit("units/elsewhere").build()).getExportRecordsCount());

        assertFails(Status.Code.PERMISSION_DENIED, "HR_REQUIRED", () -> recap(MANAGER_NIP, Role.MANAGER)
                .listExportRecords(io.jeda.attendance.v1.ListExportRecordsRequest.getDefaultInstance()));
    }

    @Test
    void onlyHrExportsAndNothingIsRecordedForARefusal() {
        for (var stub : List.of(recap(MANAGER_NIP, Role.MANAGER), recap("gateway", Role.SERVICE),
                recap(NIP, Role.OFFICER))) {
            assertFails(Status.Code.PERMISSION_DENIED, "HR_REQUIRED", () -> drain(stub.exportMonthlyRecap(exportRequest())));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM export_audit"));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () ->
                drain(recap(NIP, Role.OFFICER, Role.MANAGER).streamMonthlyRecap(streamRequest())));
        // The service role may read the recap (it carries no positions).
        assertEquals(3, drain(recap("gateway", Role.SERVICE).streamMonthlyRecap(streamRequest())).size());
    }

    @Test
    void unknownUnitAndBadMonthAreRefused() {
        assertFails(Status.Code.NOT_FOUND, () -> drain(recap("hr-1", Role.HR)
                .streamMonthlyRecap(streamRequest().toBuilder().setUnit("units/nowhere").build())));
        assertFails(Status.Code.INVALID_ARGUMENT, () -> drain(recap("hr-1", Role.HR)
                .exportMonthlyRecap(exportRequest().toBuilder().setMonth(0).build())));
        assertEquals(0, count("SELECT COUNT(*) FROM export_audit"));
    }
}
