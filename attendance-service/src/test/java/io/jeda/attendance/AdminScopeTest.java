package io.jeda.attendance;

import io.grpc.CallCredentials;
import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.ListExportRecordsRequest;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Stream;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HR and ADMIN read attendance only inside the unit subtree their token names: the test unit sits
 * below "pemprov", and "pemkot-lain" is another agency.
 */
class AdminScopeTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final LocalDate yesterday = LocalDate.now(WIB).minusDays(1);
    private final YearMonth month = YearMonth.from(yesterday);

    @BeforeEach
    void hierarchy() {
        POLICY.parent(UNIT, "pemprov");
        POLICY.unit("pemkot-lain", "Asia/Jakarta", OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS);
    }

    private Executable read(String operation, CallCredentials c) {
        return switch (operation) {
            case "GetAttendanceDay" -> () -> AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(c)
                    .getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                            .setName("officers/" + NIP + "/attendanceDays/" + yesterday).build());
            case "GetAttendanceMonth" -> () -> AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(c)
                    .getAttendanceMonth(GetAttendanceMonthRequest.newBuilder().setOfficer("officers/" + NIP)
                            .setYear(month.getYear()).setMonth(month.getMonthValue()).build());
            case "StreamMonthlyRecap" -> () -> AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(c)
                    .streamMonthlyRecap(StreamMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                            .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).forEachRemaining(r -> { });
            case "ExportMonthlyRecap" -> () -> AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(c)
                    .exportMonthlyRecap(ExportMonthlyRecapRequest.newBuilder().setUnit("units/" + UNIT)
                            .setYear(month.getYear()).setMonth(month.getMonthValue()).build()).forEachRemaining(r -> { });
            case "ListExportRecords" -> () -> AttendanceRecapServiceGrpc.newBlockingStub(channel).withCallCredentials(c)
                    .listExportRecords(ListExportRecordsRequest.newBuilder().setUnit("units/" + UNIT).build());
            default -> throw new IllegalArgumentException(operation);
        };
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Role.HR, Role.ADMIN).flatMap(role -> Stream.of("GetAttendanceDay", "GetAttendanceMonth",
                        "StreamMonthlyRecap", "ExportMonthlyRecap", "ListExportRecords")
                .flatMap(op -> Stream.of(Arguments.of(role, op, "pemprov", true), Arguments.of(role, op, UNIT, true),
                        Arguments.of(role, op, "pemkot-lain", false))));
    }

    @ParameterizedTest(name = "{0} {1} scope={2}")
    @MethodSource("matrix")
    void readsFollowTheScope(Role role, String operation, String scope, boolean allowed) {
        Executable call = read(operation, Tokens.asScoped("staff", scope, role));
        if (allowed) {
            assertDoesNotThrow(call);
        } else {
            assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", call)
                    .hasMetadata("scope", "units/pemkot-lain");
        }
    }

    @Test
    void aRefusedExportIsNotRecordedAndATokenWithoutUnitReadsNothing() {
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE",
                read("ExportMonthlyRecap", Tokens.asScoped("hr", "pemkot-lain", Role.HR)));
        assertEquals(0, count("SELECT COUNT(*) FROM export_audit"));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_SCOPE_MISSING",
                read("StreamMonthlyRecap", Tokens.asScoped("hr", null, Role.HR)));
        // Without a unit the list of exports spans every agency.
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> AttendanceRecapServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.asScoped("hr", "pemprov", Role.HR))
                .listExportRecords(ListExportRecordsRequest.getDefaultInstance()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> as("admin", Role.ADMIN)
                .withCallCredentials(Tokens.asScoped("admin", "pemprov", Role.ADMIN))
                .batchGetCurrentStatuses(BatchGetCurrentStatusesRequest.newBuilder().addOfficers("officers/" + NIP).build()));
    }
}
