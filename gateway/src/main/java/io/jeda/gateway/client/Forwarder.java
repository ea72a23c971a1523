package io.jeda.gateway.client;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.gateway.PeopleSettings;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls policy-service and attendance-service on behalf of the person who called the gateway: each
 * call carries that person's own bearer token (not the gateway's SERVICE token), so the service
 * checks the caller again, and each has the forward deadline. A failure comes back as the
 * {@link io.jeda.common.error.JedaException} the service reported (see {@link DownstreamErrors}).
 */
@Singleton
public class Forwarder {

    static final String POLICY = "policy-service";
    static final String ATTENDANCE = "attendance-service";

    private final PlanServiceGrpc.PlanServiceBlockingStub plans;
    private final ScheduleServiceGrpc.ScheduleServiceBlockingStub schedules;
    private final OfficerServiceGrpc.OfficerServiceBlockingStub officers;
    private final AttendanceServiceGrpc.AttendanceServiceBlockingStub attendance;
    private final AttendanceDayServiceGrpc.AttendanceDayServiceBlockingStub days;
    private final RosterServiceGrpc.RosterServiceBlockingStub rosters;
    private final PositionServiceGrpc.PositionServiceBlockingStub positions;
    private final PeopleSettings settings;

    public Forwarder(@GrpcChannel("policy") ManagedChannel policy,
                     @GrpcChannel("attendance") ManagedChannel attendanceChannel, PeopleSettings settings) {
        this.plans = PlanServiceGrpc.newBlockingStub(policy);
        this.schedules = ScheduleServiceGrpc.newBlockingStub(policy);
        this.officers = OfficerServiceGrpc.newBlockingStub(policy);
        this.attendance = AttendanceServiceGrpc.newBlockingStub(attendanceChannel);
        this.days = AttendanceDayServiceGrpc.newBlockingStub(attendanceChannel);
        this.rosters = RosterServiceGrpc.newBlockingStub(policy);
        this.positions = PositionServiceGrpc.newBlockingStub(policy);
        this.settings = settings;
    }

    public <T> T plans(String token, Function<PlanServiceGrpc.PlanServiceBlockingStub, T> rpc) {
        return call(POLICY, plans, token, rpc);
    }

    public <T> T schedules(String token, Function<ScheduleServiceGrpc.ScheduleServiceBlockingStub, T> rpc) {
        return call(POLICY, schedules, token, rpc);
    }

    public <T> T officers(String token, Function<OfficerServiceGrpc.OfficerServiceBlockingStub, T> rpc) {
        return call(POLICY, officers, token, rpc);
    }

    public <T> T rosters(String token, Function<RosterServiceGrpc.RosterServiceBlockingStub, T> rpc) {
        return call(POLICY, rosters, token, rpc);
    }

    public <T> T positions(String token, Function<PositionServiceGrpc.PositionServiceBlockingStub, T> rpc) {
        return call(POLICY, positions, token, rpc);
    }

    public <T> T attendance(String token, Function<AttendanceServiceGrpc.AttendanceServiceBlockingStub, T> rpc) {
        return call(ATTENDANCE, attendance, token, rpc);
    }

    public <T> T days(String token, Function<AttendanceDayServiceGrpc.AttendanceDayServiceBlockingStub, T> rpc) {
        return call(ATTENDANCE, days, token, rpc);
    }

    /** Calls {@code rpc} on {@code stub} with the caller's token and the forward deadline. */
    <S extends AbstractStub<S>, T> T call(String service, S stub, String token, Function<S, T> rpc) {
        S s = stub.withCallCredentials(BearerCredentials.of(token))
                .withDeadlineAfter(settings.forwardDeadline().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return rpc.apply(s);
        } catch (StatusRuntimeException e) {
            throw DownstreamErrors.of(service, e);
        }
    }
}
