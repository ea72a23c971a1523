package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.names.UnitName;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.roster.RosterService;
import io.jeda.policy.v1.CreateRosterOverrideRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.GetRosterRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterOverride;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.SwapRosterSlotsRequest;
import io.jeda.policy.v1.SwapRosterSlotsResponse;
import io.jeda.policy.v1.UpdateRosterRequest;
import jakarta.inject.Singleton;

import java.util.List;

/** The gRPC face of the roster rules: maps, calls {@link RosterService}, maps back. */
@Singleton
public class RosterEndpoint extends RosterServiceGrpc.RosterServiceImplBase {

    private final RosterService rosters;

    public RosterEndpoint(RosterService rosters) {
        this.rosters = rosters;
    }

    @Override
    public void createRoster(CreateRosterRequest req, StreamObserver<Roster> out) {
        Caller caller = CallerContext.current();
        var draft = RosterMapper.toDomain(req.getRoster(), true);
        out.onNext(RosterMapper.toProto(rosters.create(caller, req.getRosterId(), draft)));
        out.onCompleted();
    }

    @Override
    public void getRoster(GetRosterRequest req, StreamObserver<Roster> out) {
        Caller caller = CallerContext.current();
        out.onNext(RosterMapper.toProto(rosters.get(caller, RosterMapper.rosterId(req.getName(), "name"))));
        out.onCompleted();
    }

    @Override
    public void listRosters(ListRostersRequest req, StreamObserver<ListRostersResponse> out) {
        Caller caller = CallerContext.current();
        String unitId = req.getUnit().isEmpty() ? null : UnitName.parse(req.getUnit(), "unit").unitId();
        out.onNext(RosterMapper.toProto(rosters.list(caller, unitId, RosterMapper.page(req))));
        out.onCompleted();
    }

    @Override
    public void updateRoster(UpdateRosterRequest req, StreamObserver<Roster> out) {
        Caller caller = CallerContext.current();
        String id = RosterMapper.rosterId(req.getRoster().getName(), "roster.name");
        List<String> paths = req.getUpdateMask().getPathsList();
        var changes = RosterMapper.toDomain(req.getRoster(), paths.contains("unit") || paths.contains("*"));
        out.onNext(RosterMapper.toProto(rosters.update(caller, id, changes,
                ProtoConversions.updateFields(req.getUpdateMask(), req.getRoster()))));
        out.onCompleted();
    }

    @Override
    public void createRosterOverride(CreateRosterOverrideRequest req, StreamObserver<RosterOverride> out) {
        Caller caller = CallerContext.current();
        String id = RosterMapper.rosterId(req.getParent(), "parent");
        out.onNext(RosterMapper.toProto(rosters.createOverride(caller, id, RosterMapper.overrideOfficer(req),
                RosterMapper.overrideStart(req), RosterMapper.overrideEnd(req), req.getOverride().getReason())));
        out.onCompleted();
    }

    @Override
    public void swapRosterSlots(SwapRosterSlotsRequest req, StreamObserver<SwapRosterSlotsResponse> out) {
        Caller caller = CallerContext.current();
        String id = RosterMapper.rosterId(req.getParent(), "parent");
        out.onNext(RosterMapper.toSwapResponse(rosters.swap(caller, id,
                req.hasFirstSlotTime() ? ProtoConversions.toInstant(req.getFirstSlotTime(), "first_slot_time") : null,
                req.hasSecondSlotTime() ? ProtoConversions.toInstant(req.getSecondSlotTime(), "second_slot_time") : null,
                req.getReason())));
        out.onCompleted();
    }

    @Override
    public void listOnCallSlots(ListOnCallSlotsRequest req, StreamObserver<ListOnCallSlotsResponse> out) {
        Caller caller = CallerContext.current();
        String id = RosterMapper.rosterId(req.getParent(), "parent");
        var slots = rosters.onCallSlots(caller, id,
                req.hasTime() ? ProtoConversions.toInstant(req.getTime(), "time") : null, req.getPageSize());
        out.onNext(RosterMapper.toSlotsResponse(slots, rosters.officerNames(slots)));
        out.onCompleted();
    }
}
