package io.jeda.policy.grpc;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.names.AbsenceName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.calendar.CalendarService;
import io.jeda.policy.v1.Absence;
import io.jeda.policy.v1.CalendarDay;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CreateAbsenceRequest;
import io.jeda.policy.v1.CreateCalendarDayRequest;
import io.jeda.policy.v1.CreateRamadanPeriodRequest;
import io.jeda.policy.v1.DeleteAbsenceRequest;
import io.jeda.policy.v1.DeleteCalendarDayRequest;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListAbsencesResponse;
import io.jeda.policy.v1.ListCalendarDaysRequest;
import io.jeda.policy.v1.ListCalendarDaysResponse;
import io.jeda.policy.v1.ListRamadanPeriodsRequest;
import io.jeda.policy.v1.ListRamadanPeriodsResponse;
import io.jeda.policy.v1.RamadanPeriod;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.CalendarService. */
@Singleton
public class CalendarEndpoint extends CalendarServiceGrpc.CalendarServiceImplBase {

    private final CalendarService calendar;

    public CalendarEndpoint(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public void createCalendarDay(CreateCalendarDayRequest request, StreamObserver<CalendarDay> out) {
        out.onNext(CalendarMapper.toProto(calendar.createDay(CallerContext.current(),
                CalendarMapper.toDomain(request.getCalendarDay()))));
        out.onCompleted();
    }

    @Override
    public void listCalendarDays(ListCalendarDaysRequest request, StreamObserver<ListCalendarDaysResponse> out) {
        PageRequest page = CalendarMapper.page(request);
        out.onNext(CalendarMapper.toDaysResponse(calendar.listDays(CallerContext.current(), request.getYear(), page)));
        out.onCompleted();
    }

    @Override
    public void deleteCalendarDay(DeleteCalendarDayRequest request, StreamObserver<Empty> out) {
        calendar.deleteDay(CallerContext.current(), CalendarMapper.calendarDayId(request.getName()));
        out.onNext(Empty.getDefaultInstance());
        out.onCompleted();
    }

    @Override
    public void createRamadanPeriod(CreateRamadanPeriodRequest request, StreamObserver<RamadanPeriod> out) {
        out.onNext(CalendarMapper.toProto(calendar.createRamadanPeriod(CallerContext.current(),
                CalendarMapper.toDomain(request.getRamadanPeriod()))));
        out.onCompleted();
    }

    @Override
    public void listRamadanPeriods(ListRamadanPeriodsRequest request, StreamObserver<ListRamadanPeriodsResponse> out) {
        PageRequest page = CalendarMapper.page(request);
        out.onNext(CalendarMapper.toRamadanResponse(calendar.listRamadanPeriods(CallerContext.current(), page)));
        out.onCompleted();
    }

    @Override
    public void createAbsence(CreateAbsenceRequest request, StreamObserver<Absence> out) {
        out.onNext(CalendarMapper.toProto(calendar.createAbsence(CallerContext.current(),
                OfficerMapper.nip(request.getParent(), "parent"), CalendarMapper.toDomain(request.getAbsence()))));
        out.onCompleted();
    }

    @Override
    public void listAbsences(ListAbsencesRequest request, StreamObserver<ListAbsencesResponse> out) {
        PageRequest page = CalendarMapper.page(request);
        out.onNext(CalendarMapper.toAbsencesResponse(calendar.listAbsences(CallerContext.current(),
                OfficerMapper.nip(request.getParent(), "parent"), page)));
        out.onCompleted();
    }

    @Override
    public void deleteAbsence(DeleteAbsenceRequest request, StreamObserver<Empty> out) {
        AbsenceName n = CalendarMapper.absenceName(request.getName());
        calendar.deleteAbsence(CallerContext.current(), n.nip(), n.absenceId());
        out.onNext(Empty.getDefaultInstance());
        out.onCompleted();
    }
}
