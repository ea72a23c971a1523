package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.policy.app.schedule.ScheduleService;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesRequest;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.app.organisation.OfficerService;
import io.jeda.policy.v1.GetOfficerSchedulesRequest;
import io.jeda.policy.v1.OfficerSchedules;
import jakarta.inject.Singleton;

/** Serves the schedule API: the effective schedules every other part of Jeda asks for. */
@Singleton
public class ScheduleEndpoint extends ScheduleServiceGrpc.ScheduleServiceImplBase {

    private final ScheduleService schedules;
    private final OfficerService officers;

    public ScheduleEndpoint(ScheduleService schedules, OfficerService officers) {
        this.schedules = schedules;
        this.officers = officers;
    }

    @Override
    public void getEffectiveSchedule(GetEffectiveScheduleRequest request, StreamObserver<EffectiveSchedule> out) {
        var day = schedules.get(CallerContext.current(), ScheduleMapper.nip(request.getOfficer(), "officer"),
                ProtoConversions.toLocalDateOrNull(request.getDate(), "date"));
        out.onNext(ScheduleMapper.toProto(day));
        out.onCompleted();
    }

    @Override
    public void listEffectiveSchedules(ListEffectiveSchedulesRequest request,
                                       StreamObserver<ListEffectiveSchedulesResponse> out) {
        var days = schedules.list(CallerContext.current(), ScheduleMapper.nip(request.getOfficer(), "officer"),
                ProtoConversions.toLocalDate(request.getStartDate(), "start_date"),
                ProtoConversions.toLocalDate(request.getEndDate(), "end_date"));
        out.onNext(ScheduleMapper.toListResponse(days));
        out.onCompleted();
    }

    @Override
    public void batchGetEffectiveSchedules(BatchGetEffectiveSchedulesRequest request,
                                           StreamObserver<BatchGetEffectiveSchedulesResponse> out) {
        var batch = schedules.batch(CallerContext.current(), ScheduleMapper.nips(request.getOfficersList(), "officers"),
                ProtoConversions.toLocalDateOrNull(request.getDate(), "date"));
        out.onNext(ScheduleMapper.toBatchResponse(batch));
        out.onCompleted();
    }

    @Override
    public void getOfficerSchedules(GetOfficerSchedulesRequest request, StreamObserver<OfficerSchedules> out) {
        var caller = CallerContext.current();
        var read = schedules.around(caller, ScheduleMapper.nip(request.getOfficer(), "officer"),
                request.hasTime() ? ProtoConversions.toInstant(request.getTime(), "time") : null,
                request.getDaysBefore(), request.getDaysAfter());
        var b = OfficerSchedules.newBuilder()
                .setOfficer(OfficerMapper.toProto(officers.view(caller, read.officer(), read.timeZone())));
        read.days().forEach(d -> b.addSchedules(ScheduleMapper.toProto(d)));
        out.onNext(b.build());
        out.onCompleted();
    }
}
