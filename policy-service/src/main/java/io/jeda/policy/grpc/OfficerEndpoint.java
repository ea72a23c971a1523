package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.organisation.OfficerService;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.UpdateOfficerRequest;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.OfficerService. */
@Singleton
public class OfficerEndpoint extends OfficerServiceGrpc.OfficerServiceImplBase {

    private final OfficerService officers;
    private final io.jeda.policy.app.organisation.OfficerImport imports;

    public OfficerEndpoint(OfficerService officers, io.jeda.policy.app.organisation.OfficerImport imports) {
        this.officers = officers;
        this.imports = imports;
    }

    @Override
    public void createOfficer(CreateOfficerRequest request, StreamObserver<Officer> out) {
        out.onNext(OfficerMapper.toProto(officers.create(CallerContext.current(),
                OfficerMapper.toDomain(request.getOfficer()))));
        out.onCompleted();
    }

    @Override
    public void getOfficer(GetOfficerRequest request, StreamObserver<Officer> out) {
        out.onNext(OfficerMapper.toProto(officers.get(CallerContext.current(),
                OfficerMapper.nip(request.getName(), "name"))));
        out.onCompleted();
    }

    @Override
    public void listOfficers(ListOfficersRequest request, StreamObserver<ListOfficersResponse> out) {
        PageRequest page = OfficerMapper.page(request);
        out.onNext(OfficerMapper.toListResponse(officers.list(CallerContext.current(),
                UnitMapper.optionalUnitId(request.getUnit(), "unit"),
                OfficerMapper.optionalNip(request.getManager(), "manager"), page)));
        out.onCompleted();
    }

    @Override
    public void updateOfficer(UpdateOfficerRequest request, StreamObserver<Officer> out) {
        String nip = OfficerMapper.nip(request.getOfficer().getName(), "officer.name");
        out.onNext(OfficerMapper.toProto(officers.update(CallerContext.current(), nip,
                OfficerMapper.toDomain(request.getOfficer()), ProtoConversions.updateFields(request.getUpdateMask(), request.getOfficer()))));
        out.onCompleted();
    }

    @Override
    public void importOfficers(io.jeda.policy.v1.ImportOfficersRequest request,
                               StreamObserver<io.jeda.policy.v1.ImportOfficersResponse> out) {
        var outcome = imports.run(CallerContext.current(), request.getCsv(), request.getValidateOnly());
        var b = io.jeda.policy.v1.ImportOfficersResponse.newBuilder().setRows(outcome.rows())
                .setImported(outcome.imported());
        for (var p : outcome.problems()) {
            b.addProblemsBuilder().setLine(p.line()).setField(p.field()).setReason(p.reason()).setMessage(p.message());
        }
        out.onNext(b.build());
        out.onCompleted();
    }
}
