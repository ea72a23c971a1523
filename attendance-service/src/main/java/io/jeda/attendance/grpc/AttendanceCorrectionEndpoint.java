package io.jeda.attendance.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.attendance.app.CorrectionService;
import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.v1.ApproveAttendanceCorrectionRequest;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.attendance.v1.GetAttendanceCorrectionRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsResponse;
import io.jeda.attendance.v1.RejectAttendanceCorrectionRequest;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import jakarta.inject.Singleton;

/** gRPC face of {@link CorrectionService}. */
@Singleton
public class AttendanceCorrectionEndpoint
        extends AttendanceCorrectionServiceGrpc.AttendanceCorrectionServiceImplBase {

    private final CorrectionService service;

    public AttendanceCorrectionEndpoint(CorrectionService service) {
        this.service = service;
    }

    @Override
    public void createAttendanceCorrection(CreateAttendanceCorrectionRequest request,
                                           StreamObserver<AttendanceCorrection> out) {
        String requestId = CorrectionMapper.requestId(request.getRequestId());
        Correction c = service.create(CallerContext.current(), CorrectionMapper.ask(request), requestId);
        out.onNext(CorrectionMapper.correction(c));
        out.onCompleted();
    }

    @Override
    public void getAttendanceCorrection(GetAttendanceCorrectionRequest request,
                                        StreamObserver<AttendanceCorrection> out) {
        out.onNext(CorrectionMapper.correction(
                service.get(CallerContext.current(), CorrectionMapper.id(request.getName()))));
        out.onCompleted();
    }

    @Override
    public void listAttendanceCorrections(ListAttendanceCorrectionsRequest request,
                                          StreamObserver<ListAttendanceCorrectionsResponse> out) {
        String nip = "officers/-".equals(request.getParent()) ? null
                : AttendanceMapper.nip(request.getParent(), "parent");
        var state = CorrectionMapper.state(request.getState());
        PageRequest page = PageRequest.of(request, 50, 200);
        PageRequest.Page<Correction> found = service.list(CallerContext.current(), nip, state, page);
        ListAttendanceCorrectionsResponse.Builder b = ListAttendanceCorrectionsResponse.newBuilder()
                .setNextPageToken(found.nextPageToken());
        found.items().forEach(c -> b.addAttendanceCorrections(CorrectionMapper.correction(c)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void approveAttendanceCorrection(ApproveAttendanceCorrectionRequest request,
                                            StreamObserver<AttendanceCorrection> out) {
        out.onNext(CorrectionMapper.correction(service.approve(CallerContext.current(),
                CorrectionMapper.id(request.getName()), request.getReason())));
        out.onCompleted();
    }

    @Override
    public void rejectAttendanceCorrection(RejectAttendanceCorrectionRequest request,
                                           StreamObserver<AttendanceCorrection> out) {
        out.onNext(CorrectionMapper.correction(service.reject(CallerContext.current(),
                CorrectionMapper.id(request.getName()), request.getReason())));
        out.onCompleted();
    }
}
