package io.jeda.policy.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.AdminAudit;
import io.jeda.policy.domain.audit.AdminChange;
import io.jeda.policy.v1.AdminChangeServiceGrpc;
import io.jeda.policy.v1.ListAdminChangesRequest;
import io.jeda.policy.v1.ListAdminChangesResponse;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.AdminChangeService: the audit of admin changes. */
@Singleton
public class AdminChangeEndpoint extends AdminChangeServiceGrpc.AdminChangeServiceImplBase {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final AdminAudit audit;

    public AdminChangeEndpoint(AdminAudit audit) {
        this.audit = audit;
    }

    @Override
    public void listAdminChanges(ListAdminChangesRequest request, StreamObserver<ListAdminChangesResponse> out) {
        PageRequest page = PageRequest.of(request, DEFAULT_PAGE, MAX_PAGE);
        String unit = request.getUnit().isEmpty() ? null : UnitMapper.unitId(request.getUnit(), "unit");
        String resource = request.getResource().isEmpty() ? null : request.getResource();
        PageRequest.Page<AdminChange> found = audit.list(CallerContext.current(), unit, resource, page);
        ListAdminChangesResponse.Builder b = ListAdminChangesResponse.newBuilder()
                .setNextPageToken(found.nextPageToken());
        for (AdminChange c : found.items()) {
            b.addChangesBuilder().setName("adminChanges/" + c.id()).setActor(c.actor()).setScope(c.scope())
                    .setAction(c.action()).setResource(c.resource())
                    .setUnit(c.unitId() == null ? "" : "units/" + c.unitId())
                    .setBefore(c.before() == null ? "" : c.before()).setAfter(c.after() == null ? "" : c.after())
                    .setChangeTime(Timestamp.newBuilder().setSeconds(c.changedAt().getEpochSecond())
                            .setNanos(c.changedAt().getNano()));
        }
        out.onNext(b.build());
        out.onCompleted();
    }
}
