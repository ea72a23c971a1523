package io.jeda.e2e;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.testing.Tokens;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link OfficerActions} through policy-service's PlanService and attendance-service's
 * AttendanceService, each call made with the acting person's own token, as the gateway will pass it
 * on.
 */
final class InternalGrpcOfficerActions implements OfficerActions {

    private static final long DEADLINE_SECONDS = 10;

    private final JedaServices services;

    InternalGrpcOfficerActions(JedaServices services) {
        this.services = services;
    }

    private PlanServiceGrpc.PlanServiceBlockingStub plans(String nip, Role... roles) {
        return PlanServiceGrpc.newBlockingStub(services.channel(JedaServices.Service.POLICY))
                .withCallCredentials(Tokens.as(nip, roles)).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public Plan createAndSubmitPlan(String officerNip, Plan plan) {
        Plan draft = plans(officerNip, Role.OFFICER).createPlan(CreatePlanRequest.newBuilder()
                .setParent("officers/" + officerNip).setPlan(plan).setRequestId("e2e-" + UUID.randomUUID()).build());
        return plans(officerNip, Role.OFFICER).submitPlan(SubmitPlanRequest.newBuilder().setName(draft.getName()).build());
    }

    @Override
    public Plan approvePlan(String managerNip, String planName) {
        return plans(managerNip, Role.MANAGER, Role.OFFICER)
                .approvePlan(ApprovePlanRequest.newBuilder().setName(planName).build());
    }

    @Override
    public AttendanceEvent checkInAtOffice(String officerNip, double latitude, double longitude, double accuracyMeters) {
        Instant now = Instant.now();
        return AttendanceServiceGrpc.newBlockingStub(services.channel(JedaServices.Service.ATTENDANCE))
                .withCallCredentials(Tokens.as(officerNip, Role.OFFICER))
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .checkIn(CheckInRequest.newBuilder()
                        .setOfficer("officers/" + officerNip)
                        .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                        .setDeviceTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
                        .setPosition(DevicePosition.newBuilder().setLatitude(latitude).setLongitude(longitude)
                                .setAccuracyMeters(accuracyMeters))
                        .setDeviceId("e2e-phone")
                        .setIdempotencyKey("e2e-" + UUID.randomUUID())
                        .build());
    }
}
