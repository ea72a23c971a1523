package io.jeda.attendance.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.attendance.app.WellbeingService;
import io.jeda.attendance.domain.OfficerWellbeing;
import io.jeda.attendance.v1.AttendanceWellbeing;
import io.jeda.attendance.v1.AttendanceWellbeingServiceGrpc;
import io.jeda.attendance.v1.GetAttendanceWellbeingRequest;
import io.jeda.attendance.v1.OfficerAttendanceWellbeing;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.names.OfficerName;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.util.List;

/** gRPC face of {@link WellbeingService}. */
@Singleton
public class AttendanceWellbeingEndpoint extends AttendanceWellbeingServiceGrpc.AttendanceWellbeingServiceImplBase {

    private static final int MAX_OFFICERS = 500;

    private final WellbeingService service;

    public AttendanceWellbeingEndpoint(WellbeingService service) {
        this.service = service;
    }

    @Override
    public void getAttendanceWellbeing(GetAttendanceWellbeingRequest request, StreamObserver<AttendanceWellbeing> out) {
        String unitId = RecapMapper.unitId(request.getUnit());
        YearMonth month = DayMapper.month(request.getYear(), request.getMonth());
        if (request.getOfficersCount() > MAX_OFFICERS) {
            throw JedaException.invalidArgument("BATCH_TOO_LARGE", "at most " + MAX_OFFICERS + " officers at once",
                    "field", "officers", "count", String.valueOf(request.getOfficersCount()));
        }
        List<String> nips = request.getOfficersList().stream().map(n -> OfficerName.parse(n, "officers").nip()).toList();
        List<OfficerWellbeing> rows = service.month(CallerContext.current(), unitId, month, nips);
        AttendanceWellbeing.Builder b = AttendanceWellbeing.newBuilder().setUnit("units/" + unitId)
                .setMinimumRestMinutes((int) service.settings().minimumRest().toMinutes())
                .setLateCheckOutGraceMinutes((int) service.settings().lateCheckOutGrace().toMinutes());
        for (OfficerWellbeing w : rows) {
            b.addOfficers(OfficerAttendanceWellbeing.newBuilder().setOfficer(OfficerName.of(w.nip()).toString())
                    .setWorkedMinutes(w.workedMinutes()).setDueMinutes(w.dueMinutes())
                    .setLateCheckOuts(w.lateCheckOuts()).setShortRests(w.shortRests())
                    .setShortestRestMinutes(w.shortestRestMinutes()));
        }
        out.onNext(b.build());
        out.onCompleted();
    }
}
