package io.jeda.attendance;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import com.google.type.TimeOfDay;
import io.grpc.Status;
import io.jeda.attendance.v1.ApproveAttendanceCorrectionRequest;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.CorrectionState;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.attendance.v1.CsvChunk;
import io.jeda.attendance.v1.DayStatus;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsRequest;
import io.jeda.attendance.v1.MonthlyRecapRow;
import io.jeda.attendance.v1.RejectAttendanceCorrectionRequest;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attendance corrections on the real database: asked by the officer, decided by the direct manager,
 * laid over the recorded events when the day is settled, and shown as corrections in the day, the
 * month, the recap and the CSV export.
 */
class CorrectionTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String OUTSIDER_MANAGER = "196801011990031004";
    private final LocalDate yesterday = LocalDate.now(WIB).minusDays(1);

    /** The rules under test are attendance's own: policy-service's deadline is no part of them here. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(super.getProperties());
        p.put("jeda.attendance.policy.deadline-ms", "5000");
        return p;
    }

    private AttendanceCorrectionServiceGrpc.AttendanceCorrectionServiceBlockingStub corrections(String subject,
                                                                                                Role... roles) {
        return AttendanceCorrectionServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private AttendanceCorrectionServiceGrpc.AttendanceCorrectionServiceBlockingStub mine() {
        return corrections(NIP, Role.OFFICER);
    }

    private AttendanceCorrectionServiceGrpc.AttendanceCorrectionServiceBlockingStub manager() {
        return corrections(MANAGER_NIP, Role.MANAGER);
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    private static TimeOfDay time(int h, int m) {
        return TimeOfDay.newBuilder().setHours(h).setMinutes(m).build();
    }

    private static CreateAttendanceCorrectionRequest.Builder ask(LocalDate day, String reason) {
        return CreateAttendanceCorrectionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setCorrection(AttendanceCorrection.newBuilder().setDate(date(day)).setReason(reason));
    }

    private static CreateAttendanceCorrectionRequest.Builder forgottenCheckIn(LocalDate day) {
        CreateAttendanceCorrectionRequest.Builder b = ask(day, "Lupa absen masuk, rapat pagi di kantor");
        b.getCorrectionBuilder().setCheckInTime(time(7, 20)).setCheckOutTime(time(16, 10))
                .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE);
        return b;
    }

    private AttendanceDay day(LocalDate d) {
        return AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(NIP, Role.OFFICER))
                .getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                        .setName("officers/" + NIP + "/attendanceDays/" + d).build());
    }

    private void checkInYesterdayAt(int h, int m) {
        officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(yesterday.atTime(LocalTime.of(h, m))
                .atZone(WIB).toInstant())).build());
    }

    @Test
    void forgottenCheckInApprovedMakesTheDayPresentAndShowsTheCorrection() {
        assertEquals(DayStatus.DAY_STATUS_ABSENT, day(yesterday).getStatus(), "no check-in recorded");
        AttendanceCorrection asked = mine().createAttendanceCorrection(forgottenCheckIn(yesterday).build());
        assertEquals(CorrectionState.CORRECTION_STATE_PENDING, asked.getState());
        assertEquals("officers/" + NIP, asked.getOfficer());
        assertEquals("Asia/Jakarta", asked.getTimeZone());
        assertEquals(DayStatus.DAY_STATUS_ABSENT, day(yesterday).getStatus(), "nothing changes while pending");

        var inbox = manager().listAttendanceCorrections(ListAttendanceCorrectionsRequest.newBuilder()
                .setParent("officers/-").setState(CorrectionState.CORRECTION_STATE_PENDING).build());
        assertEquals(List.of(asked.getName()), inbox.getAttendanceCorrectionsList().stream()
                .map(AttendanceCorrection::getName).toList(), "the manager's inbox");

        AttendanceCorrection approved = manager().approveAttendanceCorrection(ApproveAttendanceCorrectionRequest
                .newBuilder().setName(asked.getName()).build());
        assertEquals(CorrectionState.CORRECTION_STATE_APPROVED, approved.getState());
        assertEquals("officers/" + MANAGER_NIP, approved.getDecidedBy());
        assertTrue(approved.hasDecideTime());

        AttendanceDay d = day(yesterday);
        assertEquals(DayStatus.DAY_STATUS_PRESENT, d.getStatus(), d.toString());
        assertEquals(470, d.getWorkedMinutes(), "07:20 to 16:10 less the 60-minute break allowance");
        assertEquals(yesterday.atTime(7, 20).atZone(WIB).toEpochSecond(), d.getFirstCheckIn().getSeconds());
        assertEquals(1, d.getCorrectionsCount(), "the day says it was corrected");
        assertEquals(approved.getName(), d.getCorrections(0).getName());
        assertEquals("Lupa absen masuk, rapat pagi di kantor", d.getCorrections(0).getReason());
        assertEquals(0, d.getEventsCount(), "the recorded events stay as they were: none");
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event"), "nothing is written as an event");

        AttendanceMonth month = AttendanceDayServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(MANAGER_NIP, Role.MANAGER))
                .getAttendanceMonth(GetAttendanceMonthRequest.newBuilder().setOfficer("officers/" + NIP)
                        .setYear(yesterday.getYear()).setMonth(yesterday.getMonthValue()).build());
        AttendanceDay inMonth = month.getDaysList().stream().filter(x -> x.getDate().equals(date(yesterday)))
                .findFirst().orElseThrow();
        assertEquals(DayStatus.DAY_STATUS_PRESENT, inMonth.getStatus());
        assertEquals(1, inMonth.getCorrectionsCount(), "the month shows the correction too");
    }

    @Test
    void forgottenCheckOutIsReplacedNotTheRecordedEvents() {
        checkInYesterdayAt(7, 25);
        AttendanceDay before = day(yesterday);
        assertEquals(DayStatus.DAY_STATUS_INCOMPLETE_HOURS, before.getStatus(), before.toString());
        CreateAttendanceCorrectionRequest.Builder b = ask(yesterday, "Lupa absen pulang");
        b.getCorrectionBuilder().setCheckOutTime(time(16, 5));
        AttendanceCorrection asked = mine().createAttendanceCorrection(b.build());
        manager().approveAttendanceCorrection(ApproveAttendanceCorrectionRequest.newBuilder()
                .setName(asked.getName()).setReason("Sesuai catatan rapat").build());

        AttendanceDay after = day(yesterday);
        assertEquals(DayStatus.DAY_STATUS_PRESENT, after.getStatus(), after.toString());
        assertEquals(460, after.getWorkedMinutes());
        assertEquals(yesterday.atTime(16, 5).atZone(WIB).toEpochSecond(), after.getLastCheckOut().getSeconds());
        assertEquals("Sesuai catatan rapat", after.getCorrections(0).getDecisionReason());
        assertEquals(1, after.getEventsCount(), "the recorded check-in is still shown as recorded");
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void wrongModeIsCorrectedOnTheDaysCheckIns() {
        checkInYesterdayAt(7, 25);
        CreateAttendanceCorrectionRequest.Builder b = ask(yesterday, "Saya bekerja dari rumah hari itu");
        b.getCorrectionBuilder().setMode(AttendanceMode.ATTENDANCE_MODE_HOME).setCheckOutTime(time(16, 0));
        AttendanceCorrection asked = mine().createAttendanceCorrection(b.build());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_HOME, asked.getMode());
        manager().approveAttendanceCorrection(ApproveAttendanceCorrectionRequest.newBuilder()
                .setName(asked.getName()).build());
        AttendanceDay after = day(yesterday);
        assertEquals(DayStatus.DAY_STATUS_PRESENT, after.getStatus(), after.toString());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, after.getEvents(0).getMode(), "recorded as it was");
        assertEquals(AttendanceMode.ATTENDANCE_MODE_HOME, after.getCorrections(0).getMode());
        assertFalse(after.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_AUTO_CHECKOUT));
    }

    @Test
    void rejectedCorrectionLeavesTheDayAsRecorded() {
        AttendanceCorrection asked = mine().createAttendanceCorrection(forgottenCheckIn(yesterday).build());
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () -> manager().rejectAttendanceCorrection(
                RejectAttendanceCorrectionRequest.newBuilder().setName(asked.getName()).build()));
        AttendanceCorrection rejected = manager().rejectAttendanceCorrection(RejectAttendanceCorrectionRequest
                .newBuilder().setName(asked.getName()).setReason("Tidak ada bukti kehadiran").build());
        assertEquals(CorrectionState.CORRECTION_STATE_REJECTED, rejected.getState());
        assertEquals("Tidak ada bukti kehadiran", rejected.getDecisionReason());
        assertEquals(DayStatus.DAY_STATUS_ABSENT, day(yesterday).getStatus());
        assertEquals(0, day(yesterday).getCorrectionsCount());
        assertFails(Status.Code.FAILED_PRECONDITION, "CORRECTION_ALREADY_DECIDED", () -> manager()
                .approveAttendanceCorrection(ApproveAttendanceCorrectionRequest.newBuilder()
                        .setName(asked.getName()).build()));
        // Once decided, the day may be asked about again.
        AttendanceCorrection again = mine().createAttendanceCorrection(forgottenCheckIn(yesterday).build());
        assertEquals(CorrectionState.CORRECTION_STATE_PENDING, again.getState());
    }

    @Test
    void submitIsIdempotentAndOnePendingCorrectionADay() {
        CreateAttendanceCorrectionRequest req = forgottenCheckIn(yesterday).build();
        AttendanceCorrection first = mine().createAttendanceCorrection(req);
        AttendanceCorrection retry = mine().createAttendanceCorrection(req);
        assertEquals(first, retry, "a retry gets the first answer");
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_correction"));
        var pending = assertFails(Status.Code.ALREADY_EXISTS, "CORRECTION_PENDING",
                () -> mine().createAttendanceCorrection(forgottenCheckIn(yesterday).build()));
        assertEquals(first.getName(), pending.metadata().get("name"));
        CreateAttendanceCorrectionRequest reused = req.toBuilder().setCorrection(req.getCorrection().toBuilder()
                .setReason("Alasan lain")).build();
        assertFails(Status.Code.ALREADY_EXISTS, "REQUEST_ID_REUSED", () -> mine().createAttendanceCorrection(reused));
    }

    @Test
    void datesAndTimesOutsideTheRulesAreRefusedWithReasons() {
        LocalDate today = LocalDate.now(WIB);
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_IN_FUTURE",
                () -> mine().createAttendanceCorrection(forgottenCheckIn(today.plusDays(1)).build()));
        var old = assertFails(Status.Code.INVALID_ARGUMENT, "CORRECTION_WINDOW_PASSED",
                () -> mine().createAttendanceCorrection(forgottenCheckIn(today.minusDays(31)).build()));
        assertEquals("30", old.metadata().get("windowDays"), "the default window");
        assertEquals(CorrectionState.CORRECTION_STATE_PENDING, mine().createAttendanceCorrection(
                forgottenCheckIn(today.minusDays(30)).build()).getState(), "the window's last day may be corrected");
        assertFails(Status.Code.INVALID_ARGUMENT, "CHECK_IN_TIME_REQUIRED", () -> {
            CreateAttendanceCorrectionRequest.Builder b = ask(yesterday.minusDays(1), "Lupa absen pulang");
            b.getCorrectionBuilder().setCheckOutTime(time(16, 0));
            mine().createAttendanceCorrection(b.build());
        });
        assertFails(Status.Code.INVALID_ARGUMENT, "CHECK_OUT_BEFORE_CHECK_IN", () -> {
            CreateAttendanceCorrectionRequest.Builder b = ask(yesterday.minusDays(1), "Salah jam");
            b.getCorrectionBuilder().setCheckInTime(time(9, 0)).setCheckOutTime(time(8, 0));
            mine().createAttendanceCorrection(b.build());
        });
        assertFails(Status.Code.INVALID_ARGUMENT, "NOTHING_TO_CORRECT",
                () -> mine().createAttendanceCorrection(ask(yesterday.minusDays(1), "Tidak ada").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () -> {
            CreateAttendanceCorrectionRequest.Builder b = ask(yesterday.minusDays(1), "  ");
            b.getCorrectionBuilder().setCheckInTime(time(7, 0));
            mine().createAttendanceCorrection(b.build());
        });
        assertFails(Status.Code.INVALID_ARGUMENT, "TIME_IN_FUTURE", () -> {
            CreateAttendanceCorrectionRequest.Builder b = ask(today, "Nanti sore");
            b.getCorrectionBuilder().setCheckInTime(time(0, 0)).setCheckOutTime(time(23, 59, 59));
            mine().createAttendanceCorrection(b.build());
        });
        assertFails(Status.Code.INVALID_ARGUMENT, () -> mine().createAttendanceCorrection(
                forgottenCheckIn(yesterday).setRequestId("").build()));
    }

    private static TimeOfDay time(int h, int m, int s) {
        return TimeOfDay.newBuilder().setHours(h).setMinutes(m).setSeconds(s).build();
    }

    @Test
    void onlyTheDirectManagerDecides() {
        POLICY.unit("dinas-lain", "Asia/Jakarta", OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS);
        POLICY.officer(OUTSIDER_MANAGER, "dinas-lain", null, null);
        AttendanceCorrection asked = mine().createAttendanceCorrection(forgottenCheckIn(yesterday).build());
        ApproveAttendanceCorrectionRequest approve = ApproveAttendanceCorrectionRequest.newBuilder()
                .setName(asked.getName()).build();
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> corrections(OUTSIDER_MANAGER, Role.MANAGER).approveAttendanceCorrection(approve));
        assertFails(Status.Code.PERMISSION_DENIED, "SELF_APPROVAL",
                () -> corrections(NIP, Role.OFFICER, Role.MANAGER).approveAttendanceCorrection(approve));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> corrections(OTHER_NIP, Role.OFFICER).approveAttendanceCorrection(approve));
        assertEquals(0, corrections(OUTSIDER_MANAGER, Role.MANAGER).listAttendanceCorrections(
                ListAttendanceCorrectionsRequest.newBuilder().setParent("officers/-").build())
                .getAttendanceCorrectionsCount(), "nothing in another unit's manager's inbox");
        assertFails(Status.Code.PERMISSION_DENIED, () -> corrections(OTHER_NIP, Role.OFFICER)
                .listAttendanceCorrections(ListAttendanceCorrectionsRequest.newBuilder()
                        .setParent("officers/" + NIP).build()));
        assertFails(Status.Code.NOT_FOUND, "CORRECTION_NOT_FOUND", () -> manager().approveAttendanceCorrection(
                ApproveAttendanceCorrectionRequest.newBuilder().setName("attendanceCorrections/nope").build()));
        assertEquals(CorrectionState.CORRECTION_STATE_APPROVED,
                manager().approveAttendanceCorrection(approve).getState());
        assertEquals(CorrectionState.CORRECTION_STATE_APPROVED,
                manager().approveAttendanceCorrection(approve).getState(), "approving again changes nothing");
    }

    @Test
    void recapAndCsvShowTheCorrectionAndQuotePeoplesWords() {
        String name = "Siti \"Ani\" Nurhaliza, S.Kom.\nBagian Umum";
        POLICY.displayName(NIP, name);
        directory.invalidateAll();
        CreateAttendanceCorrectionRequest.Builder b = forgottenCheckIn(yesterday);
        b.getCorrectionBuilder().setReason("Lupa absen, \"server\" lambat;\nsudah lapor");
        AttendanceCorrection asked = mine().createAttendanceCorrection(b.build());
        manager().approveAttendanceCorrection(ApproveAttendanceCorrectionRequest.newBuilder()
                .setName(asked.getName()).build());
        YearMonth month = YearMonth.from(yesterday);
        var recap = AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("hr-1", Role.HR));
        List<MonthlyRecapRow> rows = new ArrayList<>();
        recap.streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).forEachRemaining(rows::add);
        MonthlyRecapRow row = rows.stream().filter(r -> r.getOfficer().equals("officers/" + NIP)).findFirst()
                .orElseThrow();
        assertEquals(1, row.getCorrectedDays());
        assertEquals(1, row.getPresentDays());
        assertEquals(name, row.getDisplayName());

        List<CsvChunk> chunks = new ArrayList<>();
        recap.exportMonthlyRecap(ExportMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).forEachRemaining(chunks::add);
        String csv = chunks.stream().map(CsvChunk::getData).reduce(ByteString.EMPTY, ByteString::concat)
                .toString(StandardCharsets.UTF_8);
        List<Map<String, String>> records = Csv.parse(csv);
        assertEquals(3 * month.lengthOfMonth(), records.size(), "every record parses back, names and all");
        Map<String, String> corrected = records.stream()
                .filter(r -> r.get("nip").equals(NIP) && r.get("date").equals(yesterday.toString()))
                .findFirst().orElseThrow();
        assertEquals(name, corrected.get("name"));
        assertEquals("PRESENT", corrected.get("status"));
        assertEquals("true", corrected.get("corrected"));
        assertEquals("Lupa absen, \"server\" lambat;\nsudah lapor", corrected.get("correction_reason"));
        assertEquals(MANAGER_NIP, corrected.get("corrected_by"));
        assertTrue(records.stream().filter(r -> r.get("nip").equals(NIP) && !r.get("date").equals(yesterday.toString()))
                .allMatch(r -> r.get("corrected").equals("false") && r.get("correction_reason").isEmpty()));
    }
}
