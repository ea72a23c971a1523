package io.jeda.e2e;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.Plan;
import io.jeda.testing.Tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * {@link OfficerActions} through the gateway's people-facing REST API, the way an officer's app
 * and a manager's web page do it: {@code POST /v1/me/plans}, {@code /v1/me/plans/{id}:submit},
 * {@code /v1/team/plans/{id}:approve} and {@code /v1/me/check-ins}, each with the person's own token.
 */
final class GatewayRestOfficerActions implements OfficerActions {

    private final GatewayRest gateway;

    GatewayRestOfficerActions(GatewayRest gateway) {
        this.gateway = gateway;
    }

    @Override
    public Plan createAndSubmitPlan(String officerNip, Plan plan) {
        String token = Tokens.token(officerNip, Role.OFFICER);
        Plan draft = gateway.post("/v1/me/plans", token, plan, "e2e-" + UUID.randomUUID(), Plan.newBuilder()).build();
        return gateway.post("/v1/me/" + draft.getName() + ":submit", token, null, null, Plan.newBuilder()).build();
    }

    @Override
    public Plan approvePlan(String managerNip, String planName) {
        return gateway.post("/v1/team/" + planName + ":approve", Tokens.token(managerNip, Role.MANAGER, Role.OFFICER),
                null, null, Plan.newBuilder()).build();
    }

    @Override
    public AttendanceEvent checkInAtOffice(String officerNip, double latitude, double longitude, double accuracyMeters) {
        Instant now = Instant.now();
        CheckInRequest body = CheckInRequest.newBuilder()
                .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                .setDeviceTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
                .setPosition(DevicePosition.newBuilder().setLatitude(latitude).setLongitude(longitude)
                        .setAccuracyMeters(accuracyMeters))
                .setDeviceId("e2e-phone")
                .build();
        return gateway.post("/v1/me/check-ins", Tokens.token(officerNip, Role.OFFICER), body, "e2e-" + UUID.randomUUID(),
                AttendanceEvent.newBuilder()).build();
    }
}
