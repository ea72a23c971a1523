package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.organisation.UnitService;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateUnitRequest;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.UnitService. */
@Singleton
public class UnitEndpoint extends UnitServiceGrpc.UnitServiceImplBase {

    private final UnitService units;

    public UnitEndpoint(UnitService units) {
        this.units = units;
    }

    @Override
    public void createUnit(CreateUnitRequest request, StreamObserver<Unit> out) {
        out.onNext(UnitMapper.toProto(units.create(CallerContext.current(), request.getUnitId(),
                UnitMapper.toDomain(request.getUnit()))));
        out.onCompleted();
    }

    @Override
    public void getUnit(GetUnitRequest request, StreamObserver<Unit> out) {
        out.onNext(UnitMapper.toProto(units.get(CallerContext.current(), UnitMapper.unitId(request.getName(), "name"))));
        out.onCompleted();
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> out) {
        PageRequest page = UnitMapper.page(request);
        String parent = UnitMapper.optionalUnitId(request.getParent(), "parent");
        out.onNext(UnitMapper.toListResponse(units.list(CallerContext.current(), parent, page)));
        out.onCompleted();
    }

    @Override
    public void updateUnit(UpdateUnitRequest request, StreamObserver<Unit> out) {
        String id = UnitMapper.unitId(request.getUnit().getName(), "unit.name");
        out.onNext(UnitMapper.toProto(units.update(CallerContext.current(), id, UnitMapper.toDomain(request.getUnit()),
                ProtoConversions.updateFields(request.getUpdateMask(), request.getUnit()))));
        out.onCompleted();
    }
}
