package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.gateway.app.Person;
import io.jeda.gateway.app.WellbeingReports;
import io.jeda.gateway.v1.GetTeamWellbeingRequest;
import io.jeda.gateway.v1.GetUnitWellbeingRequest;
import io.jeda.gateway.v1.WellbeingReport;
import io.jeda.gateway.v1.WellbeingServiceGrpc;
import jakarta.inject.Singleton;

/** gRPC WellbeingService: the wellbeing report of a manager's team or of a unit. */
@Singleton
public class WellbeingEndpoint extends WellbeingServiceGrpc.WellbeingServiceImplBase {

    private final WellbeingReports reports;

    public WellbeingEndpoint(WellbeingReports reports) {
        this.reports = reports;
    }

    @Override
    public void getTeamWellbeing(GetTeamWellbeingRequest request, StreamObserver<WellbeingReport> out) {
        out.onNext(reports.team(person(), reports.month(request.getMonth())));
        out.onCompleted();
    }

    @Override
    public void getUnitWellbeing(GetUnitWellbeingRequest request, StreamObserver<WellbeingReport> out) {
        out.onNext(reports.unit(person(), request.getUnit(), reports.month(request.getMonth())));
        out.onCompleted();
    }

    private static Person person() {
        return new Person(CallerContext.current(), CallerContext.currentToken());
    }
}
