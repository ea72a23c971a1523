package io.jeda.attendance.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.attendance.domain.ExportAudit;
import io.jeda.attendance.app.RecapService;
import io.jeda.attendance.v1.ListExportRecordsRequest;
import io.jeda.attendance.v1.ListExportRecordsResponse;
import io.jeda.common.paging.PageRequest;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.attendance.v1.CsvChunk;
import io.jeda.attendance.v1.ExportMonthlyRecapRequest;
import io.jeda.attendance.v1.MonthlyRecapRow;
import io.jeda.attendance.v1.StreamMonthlyRecapRequest;
import io.jeda.common.grpc.CallerContext;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;

/** gRPC face of {@link RecapService}: the streamed recap and the CSV export. */
@Singleton
public class AttendanceRecapEndpoint extends AttendanceRecapServiceGrpc.AttendanceRecapServiceImplBase {

    private final RecapService service;

    public AttendanceRecapEndpoint(RecapService service) {
        this.service = service;
    }

    @Override
    public void streamMonthlyRecap(StreamMonthlyRecapRequest request, StreamObserver<MonthlyRecapRow> out) {
        String unitId = RecapMapper.unitId(request.getUnit());
        YearMonth month = DayMapper.month(request.getYear(), request.getMonth());
        service.recap(CallerContext.current(), unitId, month, false, m -> out.onNext(RecapMapper.row(m)));
        out.onCompleted();
    }

    @Override
    public void listExportRecords(ListExportRecordsRequest request, StreamObserver<ListExportRecordsResponse> out) {
        // The token is tied to the request's filters: reused with another unit, it is refused.
        PageRequest page = PageRequest.of(request, 50, 500);
        String unitId = request.getUnit().isEmpty() ? null : RecapMapper.unitId(request.getUnit());
        PageRequest.Page<ExportAudit> found = service.exports(CallerContext.current(), unitId, page);
        ListExportRecordsResponse.Builder b = ListExportRecordsResponse.newBuilder()
                .setNextPageToken(found.nextPageToken());
        found.items().forEach(a -> b.addExportRecords(RecapMapper.record(a)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void exportMonthlyRecap(ExportMonthlyRecapRequest request, StreamObserver<CsvChunk> out) {
        String unitId = RecapMapper.unitId(request.getUnit());
        YearMonth month = DayMapper.month(request.getYear(), request.getMonth());
        // The header goes out with the first officer, so a refused export sends nothing at all.
        AtomicBoolean headerSent = new AtomicBoolean();
        service.recap(CallerContext.current(), unitId, month, true, m -> {
            if (headerSent.compareAndSet(false, true)) {
                out.onNext(RecapMapper.header());
            }
            out.onNext(RecapMapper.csv(m));
        });
        if (headerSent.compareAndSet(false, true)) {
            out.onNext(RecapMapper.header());
        }
        out.onCompleted();
    }
}
