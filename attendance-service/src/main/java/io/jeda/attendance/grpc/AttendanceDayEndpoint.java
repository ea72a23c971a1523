package io.jeda.attendance.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.attendance.app.DayService;
import io.jeda.attendance.domain.DaySummary;
import io.jeda.attendance.domain.Privacy;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.names.OfficerName;
import io.jeda.common.security.Caller;
import jakarta.inject.Singleton;

import java.time.YearMonth;

/** gRPC face of {@link DayService}: one day, one month. */
@Singleton
public class AttendanceDayEndpoint extends AttendanceDayServiceGrpc.AttendanceDayServiceImplBase {

    private final DayService service;

    public AttendanceDayEndpoint(DayService service) {
        this.service = service;
    }

    @Override
    public void getAttendanceDay(GetAttendanceDayRequest request, StreamObserver<AttendanceDay> out) {
        Caller caller = CallerContext.current();
        DayMapper.DayName name = DayMapper.dayName(request.getName());
        DaySummary day = service.day(caller, name.nip(), name.date());
        out.onNext(DayMapper.day(day, Privacy.maySeePositions(caller, name.nip())));
        out.onCompleted();
    }

    @Override
    public void getAttendanceMonth(GetAttendanceMonthRequest request, StreamObserver<AttendanceMonth> out) {
        String nip = AttendanceMapper.nip(request.getOfficer(), "officer");
        YearMonth month = DayMapper.month(request.getYear(), request.getMonth());
        AttendanceMonth.Builder b = AttendanceMonth.newBuilder().setOfficer(OfficerName.of(nip).toString())
                .setYear(month.getYear()).setMonth(month.getMonthValue());
        for (DaySummary d : service.month(CallerContext.current(), nip, month)) {
            b.addDays(DayMapper.day(d, false));
        }
        out.onNext(b.build());
        out.onCompleted();
    }
}
