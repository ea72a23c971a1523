package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.BatchGetCurrentStatusesResponse;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what, and how malformed requests are answered. */
class AuthorizationAndValidationTest extends AttendanceTestBase {


    private GetCurrentStatusRequest statusOf(String nip) {
        return GetCurrentStatusRequest.newBuilder().setOfficer("officers/" + nip).build();
    }

    @Test
    void anOfficerChecksInOnlyAsThemself() {
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_SELF", () -> officer().checkIn(officeCheckIn(OTHER_NIP).build()));
        // Not even a manager or an admin can check someone in.
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_SELF", () -> as(MANAGER_NIP, Role.MANAGER)
                .checkIn(officeCheckIn(NIP).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_SELF", () -> as("admin", Role.ADMIN)
                .checkIn(officeCheckIn(NIP).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_SELF", () -> as(NIP, Role.SERVICE)
                .checkIn(officeCheckIn(NIP).build()));
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void callsWithoutAValidTokenAreUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN", () -> io.jeda.attendance.v1.AttendanceServiceGrpc
                .newBlockingStub(channel).checkIn(officeCheckIn(NIP).build()));
        assertFails(Status.Code.UNAUTHENTICATED, "INVALID_TOKEN", () -> io.jeda.attendance.v1.AttendanceServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.garbage()).checkIn(officeCheckIn(NIP).build()));
    }

    @Test
    void currentStatusIsForTheOfficerTheirManagerAndServices() {
        officer().checkIn(officeCheckIn(NIP).build());
        assertTrue(officer().getCurrentStatus(statusOf(NIP)).getCheckedIn());
        assertTrue(as(MANAGER_NIP, Role.MANAGER).getCurrentStatus(statusOf(NIP)).getCheckedIn());
        assertTrue(as("gateway", Role.SERVICE).getCurrentStatus(statusOf(NIP)).getCheckedIn());
        assertTrue(as("admin", Role.ADMIN).getCurrentStatus(statusOf(NIP)).getCheckedIn());

        // A manager of the same unit who is not the direct manager may read too...
        assertTrue(as(OTHER_NIP, Role.OFFICER, Role.MANAGER).getCurrentStatus(statusOf(NIP)).getCheckedIn());
        // ...but not a manager of another unit, nor a caller policy-service does not know.
        POLICY.unit("elsewhere", "Asia/Makassar", -5.1477, 119.4327, 200);
        String outsider = "198202022006041004";
        POLICY.officer(outsider, "elsewhere", null, null);
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> as(outsider, Role.MANAGER)
                .getCurrentStatus(statusOf(NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> as("197001011995031001", Role.MANAGER)
                .getCurrentStatus(statusOf(NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> as(OTHER_NIP, Role.OFFICER)
                .getCurrentStatus(statusOf(NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> as("complaint-desk", Role.AGENCY)
                .getCurrentStatus(statusOf(NIP)));
    }

    @Test
    void managerReadIsRefusedAsUnavailableWhenTheReportingLineCannotBeChecked() {
        POLICY.behave(FakePolicyService.Behaviour.FAIL);
        assertFails(Status.Code.UNAVAILABLE, "POLICY_UNAVAILABLE", () -> as(MANAGER_NIP, Role.MANAGER)
                .getCurrentStatus(statusOf(NIP)));
    }

    @Test
    void batchStatusAnswersEveryOfficerInRequestOrderForServices() {
        officer().checkIn(officeCheckIn(NIP).build());
        BatchGetCurrentStatusesResponse r = as("gateway", Role.SERVICE).batchGetCurrentStatuses(
                BatchGetCurrentStatusesRequest.newBuilder()
                        .addOfficers("officers/" + OTHER_NIP).addOfficers("officers/" + NIP)
                        .addOfficers("officers/" + OTHER_NIP).build());
        assertEquals(2, r.getStatusesCount());
        OfficerStatus other = r.getStatuses(0);
        assertEquals("officers/" + OTHER_NIP, other.getOfficer());
        assertFalse(other.getCheckedIn());
        assertEquals("officers/" + NIP, r.getStatuses(1).getOfficer());
        assertTrue(r.getStatuses(1).getCheckedIn());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, r.getStatuses(1).getMode());

        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> as(MANAGER_NIP, Role.MANAGER)
                .batchGetCurrentStatuses(BatchGetCurrentStatusesRequest.newBuilder()
                        .addOfficers("officers/" + NIP).build()));
    }

    @Test
    void batchStatusIsBoundedToFiveHundredOfficers() {
        BatchGetCurrentStatusesRequest.Builder b = BatchGetCurrentStatusesRequest.newBuilder();
        for (int i = 0; i < 500; i++) {
            b.addOfficers(String.format("officers/19850315201001%04d", i));
        }
        assertEquals(500, b.getOfficersCount());
        as("gateway", Role.SERVICE).batchGetCurrentStatuses(b.build());
        b.addOfficers("officers/" + NIP);
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () ->
                as("gateway", Role.SERVICE).batchGetCurrentStatuses(b.build())).hasMetadata("field", "officers");
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> as("gateway", Role.SERVICE)
                .batchGetCurrentStatuses(BatchGetCurrentStatusesRequest.getDefaultInstance()));
    }

    /** A malformed resource name has one reason in every service; other fields say which field is wrong. */
    private static final String INVALID_NAME = "INVALID_NAME";
    private static final String INVALID_FIELD = "INVALID_FIELD";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("officer", INVALID_NAME, (UnaryOperator<CheckInRequest.Builder>) b -> b.setOfficer("officers/123")),
                Arguments.of("officer", INVALID_NAME, (UnaryOperator<CheckInRequest.Builder>) b -> b.setOfficer(NIP)),
                Arguments.of("mode", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b ->
                        b.setMode(AttendanceMode.ATTENDANCE_MODE_UNSPECIFIED)),
                Arguments.of("mode", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b -> b.setModeValue(42)),
                Arguments.of("device_time", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) CheckInRequest.Builder::clearDeviceTime),
                Arguments.of("position", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) CheckInRequest.Builder::clearPosition),
                Arguments.of("position.latitude", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b ->
                        b.setPosition(at(90.0001, OFFICE_LON, 5))),
                Arguments.of("position.latitude", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b ->
                        b.setPosition(at(Double.NaN, OFFICE_LON, 5))),
                Arguments.of("position.longitude", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b ->
                        b.setPosition(at(OFFICE_LAT, -180.5, 5))),
                Arguments.of("position.accuracy_meters", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b ->
                        b.setPosition(at(OFFICE_LAT, OFFICE_LON, 0))),
                Arguments.of("idempotency_key", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) CheckInRequest.Builder::clearIdempotencyKey),
                Arguments.of("idempotency_key", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b -> b.setIdempotencyKey("a b")),
                Arguments.of("idempotency_key", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b -> b.setIdempotencyKey("k".repeat(129))),
                Arguments.of("device_id", INVALID_FIELD, (UnaryOperator<CheckInRequest.Builder>) b -> b.setDeviceId("d".repeat(129))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCheckInIsInvalidArgumentNamingTheField(String field, String reason,
                                                         UnaryOperator<CheckInRequest.Builder> breakIt) {
        assertFails(Status.Code.INVALID_ARGUMENT, reason, () -> officer().checkIn(breakIt.apply(officeCheckIn(NIP)).build()))
                .hasMetadata("field", field);
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event"));
    }
}
