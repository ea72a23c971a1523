package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.policy.app.CsvImport;
import io.jeda.policy.app.calendar.CalendarImport;
import io.jeda.policy.app.organisation.PositionImport;
import io.jeda.policy.v1.ImportCalendarDaysRequest;
import io.jeda.policy.v1.ImportCalendarDaysResponse;
import io.jeda.policy.v1.ImportPositionsRequest;
import io.jeda.policy.v1.ImportPositionsResponse;
import io.jeda.policy.v1.ImportProblem;
import io.jeda.policy.v1.ImportServiceGrpc;
import jakarta.inject.Singleton;

import java.util.List;

/** Serves jeda.policy.v1.ImportService. */
@Singleton
public class ImportEndpoint extends ImportServiceGrpc.ImportServiceImplBase {

    private final PositionImport positions;
    private final CalendarImport calendar;

    public ImportEndpoint(PositionImport positions, CalendarImport calendar) {
        this.positions = positions;
        this.calendar = calendar;
    }

    @Override
    public void importPositions(ImportPositionsRequest request, StreamObserver<ImportPositionsResponse> out) {
        CsvImport.Outcome o = positions.run(CallerContext.current(), request.getCsv(), request.getValidateOnly());
        out.onNext(ImportPositionsResponse.newBuilder().setRows(o.rows()).setImported(o.imported())
                .addAllProblems(problems(o)).build());
        out.onCompleted();
    }

    @Override
    public void importCalendarDays(ImportCalendarDaysRequest request, StreamObserver<ImportCalendarDaysResponse> out) {
        CalendarImport.Stored s = calendar.run(CallerContext.current(), request.getCsv(), request.getValidateOnly());
        out.onNext(ImportCalendarDaysResponse.newBuilder().setRows(s.outcome().rows())
                .setImported(s.outcome().imported()).addAllProblems(problems(s.outcome()))
                .setCalendarDays(s.calendarDays()).setRamadanPeriods(s.ramadanPeriods()).build());
        out.onCompleted();
    }

    static List<ImportProblem> problems(CsvImport.Outcome o) {
        return o.problems().stream().map(p -> ImportProblem.newBuilder().setLine(p.line()).setField(p.field())
                .setReason(p.reason()).setMessage(p.message()).build()).toList();
    }
}
