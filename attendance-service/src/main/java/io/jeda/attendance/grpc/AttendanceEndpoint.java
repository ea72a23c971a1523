package io.jeda.attendance.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.attendance.app.AttendanceService;
import io.jeda.attendance.domain.CurrentStatus;
import io.jeda.attendance.domain.Privacy;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.BatchGetCurrentStatusesResponse;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.security.Caller;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** gRPC face of {@link AttendanceService}: check-in, check-out and current status. */
@Singleton
public class AttendanceEndpoint extends AttendanceServiceGrpc.AttendanceServiceImplBase {

    private final AttendanceService service;

    public AttendanceEndpoint(AttendanceService service) {
        this.service = service;
    }

    @Override
    public void checkIn(CheckInRequest request, StreamObserver<AttendanceEvent> out) {
        Caller caller = CallerContext.current();
        var event = service.checkIn(caller, AttendanceMapper.checkIn(request));
        out.onNext(AttendanceMapper.event(event, Privacy.maySeePositions(caller, event.officerNip())));
        out.onCompleted();
    }

    @Override
    public void checkOut(CheckOutRequest request, StreamObserver<AttendanceEvent> out) {
        Caller caller = CallerContext.current();
        var event = service.checkOut(caller, AttendanceMapper.checkOut(request));
        out.onNext(AttendanceMapper.event(event, Privacy.maySeePositions(caller, event.officerNip())));
        out.onCompleted();
    }

    @Override
    public void getCurrentStatus(GetCurrentStatusRequest request, StreamObserver<OfficerStatus> out) {
        String nip = AttendanceMapper.nip(request.getOfficer(), "officer");
        out.onNext(AttendanceMapper.status(nip, service.currentStatus(CallerContext.current(), nip)));
        out.onCompleted();
    }

    @Override
    public void batchGetCurrentStatuses(BatchGetCurrentStatusesRequest request,
                                        StreamObserver<BatchGetCurrentStatusesResponse> out) {
        List<String> nips = new ArrayList<>(request.getOfficersCount());
        for (int i = 0; i < request.getOfficersCount(); i++) {
            nips.add(AttendanceMapper.nip(request.getOfficers(i), "officers[" + i + "]"));
        }
        Map<String, CurrentStatus> statuses = service.currentStatuses(CallerContext.current(), nips);
        BatchGetCurrentStatusesResponse.Builder b = BatchGetCurrentStatusesResponse.newBuilder();
        statuses.forEach((nip, status) -> b.addStatuses(AttendanceMapper.status(nip, status)));
        out.onNext(b.build());
        out.onCompleted();
    }
}
