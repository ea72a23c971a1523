package io.jeda.policy;

import io.grpc.Status;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.AdminChangeServiceGrpc;
import io.jeda.policy.v1.CalendarDay;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.GetPositionRequest;
import io.jeda.policy.v1.ImportCalendarDaysRequest;
import io.jeda.policy.v1.ImportCalendarDaysResponse;
import io.jeda.policy.v1.ImportPositionsRequest;
import io.jeda.policy.v1.ImportPositionsResponse;
import io.jeda.policy.v1.ImportServiceGrpc;
import io.jeda.policy.v1.ListAdminChangesRequest;
import io.jeda.policy.v1.ListCalendarDaysRequest;
import io.jeda.policy.v1.ListPositionsRequest;
import io.jeda.policy.v1.ListRamadanPeriodsRequest;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.RamadanPeriod;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.GrpcAssertions;
import io.jeda.testing.Tokens;
import com.google.type.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Positions and calendars from a spreadsheet's CSV, as officers are: every bad row reported, then all or nothing. */
class ImportsTest extends UnitApiTestBase {

    @BeforeEach
    void reference() {
        UnitFixtures.unit(channel, "kota-a", "Asia/Makassar");
        UnitFixtures.unit(channel, "kota-b", "Asia/Jakarta");
        UnitFixtures.position(channel, "analis");
    }

    private ImportServiceGrpc.ImportServiceBlockingStub national() {
        return ImportServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("national", Role.ADMIN));
    }

    private ImportServiceGrpc.ImportServiceBlockingStub scoped(String unit) {
        return ImportServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.asScoped("admin-" + unit, unit,
                Role.ADMIN));
    }

    private int positions() {
        return PositionServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("national", Role.ADMIN))
                .listPositions(ListPositionsRequest.newBuilder().setPageSize(500).build()).getPositionsCount();
    }

    private List<CalendarDay> days(int year) {
        return CalendarServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("national", Role.ADMIN))
                .listCalendarDays(ListCalendarDaysRequest.newBuilder().setYear(year).setPageSize(500).build())
                .getCalendarDaysList();
    }

    private static List<String> problems(List<io.jeda.policy.v1.ImportProblem> ps) {
        return ps.stream().map(p -> p.getLine() + " " + p.getField() + " " + p.getReason()).toList();
    }

    @Test
    void aPositionsDryRunFromAnIndonesianSpreadsheetReportsEveryBadRowAndStoresNothing() {
        // Semicolons between fields and a byte-order mark, as a spreadsheet set to Indonesian saves CSV.
        String csv = "\uFEFFposition_id;display_name;fwa_eligible;allowed_places;max_remote_days_per_week;"
                + "flexi_time;start_window_begin;start_window_end;core_start;core_end\r\n"
                + "pranata-komputer;\"Pranata Komputer; Ahli Pertama\";ya;HOME OTHER_OFFICE;2;WINDOW;07:00;09:00;09:00;15:00\r\n" // 2 good
                + "Analis Besar;Analis;ya;HOME;2;WINDOW;;;;\r\n"                     // 3 invalid id
                + "pranata-komputer;Lagi;tidak;;;;;;;\r\n"                            // 4 duplicate of line 2
                + "analis;Analis;tidak;;;;;;;\r\n"                                    // 5 exists
                + "arsiparis;Arsiparis;mungkin;PANTAI;;LIBUR;7 pagi;;;\r\n"           // 6 bool, place, kind, time
                + "penyuluh;Penyuluh;ya;HOME;2;WINDOW;09:00;07:00;;\r\n"              // 7 window reversed
                + "verifikator;Verifikator;ya;HOME;9;DYNAMIC;;;;\r\n";                // 8 nine remote days a week
        ImportPositionsResponse r = national().importPositions(ImportPositionsRequest.newBuilder().setCsv(csv)
                .setValidateOnly(true).build());
        assertEquals(7, r.getRows());
        assertEquals(0, r.getImported());
        assertEquals(List.of("3 position_id INVALID_ID", "4 position_id DUPLICATE_POSITION", "5 position_id POSITION_EXISTS",
                "6 fwa_eligible INVALID_BOOLEAN", "6 allowed_places UNKNOWN_PLACE", "6 flexi_time UNKNOWN_FLEXI_TIME",
                "6 start_window_begin INVALID_TIME", "7 start_window_begin INVALID_START_WINDOW",
                "8 max_remote_days_per_week INVALID_MAX_REMOTE_DAYS"), problems(r.getProblemsList()));
        assertEquals(1, positions());
        GrpcAssertions.Failure f = assertFails(Status.Code.FAILED_PRECONDITION, "IMPORT_HAS_ERRORS",
                () -> national().importPositions(ImportPositionsRequest.newBuilder().setCsv(csv).build()));
        assertEquals(9, GrpcErrors.violationTypes(f.exception()).size());
        assertEquals(1, positions());
    }

    @Test
    void aGoodPositionsFileIsStoredWholeWithItsEligibilityAndAuditedOnce() {
        String csv = "position_id,display_name,fwa_eligible,allowed_places,max_remote_days_per_week,flexi_time,"
                + "start_window_begin,start_window_end,core_start,core_end\n"
                + "pranata-komputer,\"Pranata Komputer, Ahli Pertama\",ya,HOME;OTHER_OFFICE,1,WINDOW,07.00,09.30,09:00,14:30\n"
                + "petugas-pengaduan,Petugas Pengaduan,tidak,,0,SHIFT,,,,\n"
                + "pengelola-data,Pengelola Data,,,,,,,,\n";
        ImportPositionsResponse r = national().importPositions(ImportPositionsRequest.newBuilder().setCsv(csv).build());
        assertEquals(List.of(), r.getProblemsList());
        assertEquals(3, r.getImported());
        assertEquals(4, positions());
        PositionServiceGrpc.PositionServiceBlockingStub read = PositionServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("national", Role.ADMIN));
        Position p = read.getPosition(GetPositionRequest.newBuilder().setName("positions/pranata-komputer").build());
        assertEquals("Pranata Komputer, Ahli Pertama", p.getDisplayName());
        assertTrue(p.getFwaEligible());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME, WorkPlace.WORK_PLACE_OTHER_OFFICE),
                p.getAllowedPlacesList());
        assertEquals(1, p.getMaxRemoteDaysPerWeek());
        assertEquals(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW, p.getFlexiTime());
        assertEquals(9, p.getStartWindowEnd().getHours());
        assertEquals(30, p.getStartWindowEnd().getMinutes());
        assertEquals(14, p.getCoreEnd().getHours());
        Position shift = read.getPosition(GetPositionRequest.newBuilder().setName("positions/petugas-pengaduan").build());
        assertEquals(0, shift.getMaxRemoteDaysPerWeek(), "a written 0 is no remote day, not the default");
        assertEquals(FlexiTimeKind.FLEXI_TIME_KIND_SHIFT, shift.getFlexiTime());
        Position plain = read.getPosition(GetPositionRequest.newBuilder().setName("positions/pengelola-data").build());
        assertEquals(2, plain.getMaxRemoteDaysPerWeek(), "a blank cell takes the national default");
        assertEquals(false, plain.getFwaEligible());
        var change = AdminChangeServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("national", Role.ADMIN))
                .listAdminChanges(ListAdminChangesRequest.newBuilder().setPageSize(1).build()).getChanges(0);
        assertEquals("ImportPositions", change.getAction());
        assertTrue(change.getAfter().contains("pranata-komputer"), change.getAfter());
        // Positions belong to every unit: a unit's admin may not import them, not even as a dry run.
        assertFails(Status.Code.PERMISSION_DENIED, () -> scoped("kota-a").importPositions(
                ImportPositionsRequest.newBuilder().setCsv(csv).setValidateOnly(true).build()));
    }

    @Test
    void aCalendarDryRunReportsEveryBadRowWithItsLine() {
        national().importCalendarDays(ImportCalendarDaysRequest.newBuilder().setCsv(
                "date,kind,description\n2027-08-17,NATIONAL_HOLIDAY,Hari Kemerdekaan\n").build());
        String csv = "date,end_date,kind,description,unit\n"
                + "2027-01-01,,libur_nasional,Tahun Baru,\n"                        // 2 good (Indonesian kind)
                + "2027-08-17,,NATIONAL_HOLIDAY,Hari Kemerdekaan,\n"                // 3 on record already
                + "2027-01-01,,NATIONAL_HOLIDAY,Tahun Baru lagi,\n"                 // 4 duplicate of line 2
                + "31/02/2027,,NATIONAL_HOLIDAY,?,\n"                               // 5 no such date
                + "2027-03-10,,HARI_RAYA,?,\n"                                      // 6 unknown kind
                + "2027-03-11,,AGENCY_DAY,HUT Kota,\n"                              // 7 no unit
                + "2027-03-12,,AGENCY_DAY,HUT Kota,kota-z\n"                        // 8 unknown unit
                + "2027-03-13,,COLLECTIVE_LEAVE,Cuti,kota-a\n"                      // 9 national kind with a unit
                + "2027-04-05,2027-04-01,COLLECTIVE_LEAVE,Cuti bersama,\n"          // 10 range backwards
                + "2027-02-08,2027-03-09,RAMADAN,Ramadan 1448 H,\n"                 // 11 good
                + "2027-03-01,2027-03-20,RAMADAN,Ramadan lagi,\n";                  // 12 overlaps line 11
        ImportCalendarDaysResponse r = national().importCalendarDays(ImportCalendarDaysRequest.newBuilder().setCsv(csv)
                .setValidateOnly(true).build());
        assertEquals(List.of("3 date CALENDAR_DAY_EXISTS", "4 date DUPLICATE_DAY", "5 date INVALID_DATE",
                "6 kind UNKNOWN_KIND", "7 unit UNIT_REQUIRED", "8 unit UNKNOWN_UNIT", "9 unit UNIT_NOT_ALLOWED",
                "10 end_date INVALID_DATE_RANGE", "12 date RAMADAN_PERIOD_OVERLAPS"), problems(r.getProblemsList()));
        assertEquals(1, days(2027).size());
        // A unit's admin enters agency days of its own subtree only, and no day of every unit.
        ImportCalendarDaysResponse scoped = scoped("kota-a").importCalendarDays(ImportCalendarDaysRequest.newBuilder()
                .setCsv("date,kind,unit\n2027-05-02,AGENCY_DAY,kota-a\n2027-05-03,AGENCY_DAY,units/kota-b\n"
                        + "2027-05-04,NATIONAL_HOLIDAY,\n").setValidateOnly(true).build());
        assertEquals(List.of("3 unit OUTSIDE_ADMIN_SCOPE", "4 kind OUTSIDE_ADMIN_SCOPE"),
                problems(scoped.getProblemsList()));
        assertFails(Status.Code.FAILED_PRECONDITION, "IMPORT_HAS_ERRORS", () -> national().importCalendarDays(
                ImportCalendarDaysRequest.newBuilder().setCsv(csv).build()));
        assertEquals(1, days(2027).size());
    }

    @Test
    void aGoodCalendarFileMakesADayForEachDateOfARangeAndItsRamadanPeriod() {
        String csv = "\uFEFFdate,end_date,kind,description,unit,start_time\r\n"
                + "01/01/2027,,LIBUR_NASIONAL,Tahun Baru 2027 Masehi,,\r\n"
                + "2027-03-10,2027-03-12,CUTI_BERSAMA,\"Cuti Bersama Idul Fitri 1448 H\",,\r\n"
                + "2027-04-27,,AGENCY_DAY,Hari Jadi Kota A,units/kota-a,\r\n"
                + "2027-02-08,2027-03-09,RAMADAN,Ramadan 1448 H,,08:30\r\n";
        ImportCalendarDaysResponse r = national().importCalendarDays(ImportCalendarDaysRequest.newBuilder().setCsv(csv)
                .build());
        assertEquals(List.of(), r.getProblemsList());
        assertEquals(4, r.getImported());
        assertEquals(5, r.getCalendarDays());
        assertEquals(1, r.getRamadanPeriods());
        List<CalendarDay> days = days(2027);
        assertEquals(List.of("2027-01-01 Tahun Baru 2027 Masehi", "2027-03-10 Cuti Bersama Idul Fitri 1448 H",
                        "2027-03-11 Cuti Bersama Idul Fitri 1448 H", "2027-03-12 Cuti Bersama Idul Fitri 1448 H",
                        "2027-04-27 Hari Jadi Kota A"),
                days.stream().map(d -> String.format("%d-%02d-%02d %s", d.getDate().getYear(), d.getDate().getMonth(),
                        d.getDate().getDay(), d.getDescription())).toList());
        assertEquals("units/kota-a", days.get(4).getUnit());
        RamadanPeriod p = CalendarServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("n", Role.ADMIN))
                .listRamadanPeriods(ListRamadanPeriodsRequest.getDefaultInstance()).getRamadanPeriods(0);
        assertEquals(Date.newBuilder().setYear(2027).setMonth(3).setDay(9).build(), p.getEndDate());
        assertEquals(30, p.getStartTime().getMinutes());
        // An existing Ramadan period counts too.
        ImportCalendarDaysResponse again = national().importCalendarDays(ImportCalendarDaysRequest.newBuilder()
                .setCsv("date,end_date,kind\n2027-03-01,2027-03-02,RAMADAN\n").setValidateOnly(true).build());
        assertEquals(List.of("2 date RAMADAN_PERIOD_OVERLAPS"), problems(again.getProblemsList()));
    }
}
