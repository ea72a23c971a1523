package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.organisation.PositionService;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.GetPositionRequest;
import io.jeda.policy.v1.ListPositionsRequest;
import io.jeda.policy.v1.ListPositionsResponse;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.UpdatePositionRequest;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.PositionService. */
@Singleton
public class PositionEndpoint extends PositionServiceGrpc.PositionServiceImplBase {

    private final PositionService positions;

    public PositionEndpoint(PositionService positions) {
        this.positions = positions;
    }

    @Override
    public void createPosition(CreatePositionRequest request, StreamObserver<Position> out) {
        out.onNext(PositionMapper.toProto(positions.create(CallerContext.current(), request.getPositionId(),
                PositionMapper.toDomain(request.getPosition()))));
        out.onCompleted();
    }

    @Override
    public void getPosition(GetPositionRequest request, StreamObserver<Position> out) {
        out.onNext(PositionMapper.toProto(positions.get(CallerContext.current(),
                PositionMapper.positionId(request.getName(), "name"))));
        out.onCompleted();
    }

    @Override
    public void listPositions(ListPositionsRequest request, StreamObserver<ListPositionsResponse> out) {
        PageRequest page = PositionMapper.page(request);
        out.onNext(PositionMapper.toListResponse(positions.list(CallerContext.current(), page)));
        out.onCompleted();
    }

    @Override
    public void updatePosition(UpdatePositionRequest request, StreamObserver<Position> out) {
        String id = PositionMapper.positionId(request.getPosition().getName(), "position.name");
        out.onNext(PositionMapper.toProto(positions.update(CallerContext.current(), id,
                PositionMapper.toDomain(request.getPosition()), ProtoConversions.updateFields(request.getUpdateMask(), request.getPosition()))));
        out.onCompleted();
    }
}
