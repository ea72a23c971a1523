package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When policy-service refuses the caller, HR and everyone else hear PERMISSION_DENIED with
 * policy-service's reason, never that policy-service is unavailable (which says "try again").
 */
class PolicyRefusalTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final LocalDate yesterday = LocalDate.now(WIB).minusDays(1);
    private final YearMonth month = YearMonth.from(yesterday);

    private AttendanceDayServiceGrpc.AttendanceDayServiceBlockingStub days(String subject, Role... roles) {
        return AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private AttendanceRecapServiceGrpc.AttendanceRecapServiceBlockingStub recap(String subject, Role... roles) {
        return AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private static com.google.type.Date date(LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    @Test
    void hrReadingADayIsToldItWasRefused() {
        POLICY.behave(FakePolicyService.Behaviour.DENY);
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> days("hr-1", Role.HR)
                .getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                        .setName("officers/" + NIP + "/attendanceDays/" + yesterday).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> days("hr-1", Role.HR)
                .getAttendanceMonth(GetAttendanceMonthRequest.newBuilder().setOfficer("officers/" + NIP)
                        .setYear(month.getYear()).setMonth(month.getMonthValue()).build()));
    }

    @Test
    void hrStreamingOrExportingARecapIsToldItWasRefusedAndNothingIsRecorded() {
        POLICY.behave(FakePolicyService.Behaviour.DENY);
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> recap("hr-1", Role.HR)
                .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                        .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).hasNext());
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> recap("hr-1", Role.HR)
                .exportMonthlyRecap(ExportMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                        .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).hasNext());
        assertEquals(0, count("SELECT COUNT(*) FROM export_audit"), "a refused export is not recorded");
    }

    @Test
    void aManagerRefusedByPolicyServiceIsToldSoToo() {
        POLICY.behave(FakePolicyService.Behaviour.DENY);
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> days(MANAGER_NIP, Role.MANAGER)
                .getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                        .setName("officers/" + NIP + "/attendanceDays/" + yesterday).build()));
    }
}
