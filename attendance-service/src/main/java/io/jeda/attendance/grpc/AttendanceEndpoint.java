package io.jeda.attendance.grpc;

import io.jeda.attendance.domain.CheckCommand;
import io.jeda.common.grpc.CallPool;
import io.jeda.common.grpc.NoWaiting;
import java.util.function.Supplier;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** gRPC face of {@link AttendanceService}: check-in, check-out and current status. */
@Singleton
public class AttendanceEndpoint extends AttendanceServiceGrpc.AttendanceServiceImplBase {

    private final AttendanceService service;
    private final TransportCalls transport;
    private final CallPool pool;

    public AttendanceEndpoint(AttendanceService service, TransportCalls transport, CallPool pool) {
        this.service = service;
        this.transport = transport;
        this.pool = pool;
    }

    /**
     * Answered when the write's outcome is known (after its group commit), on the thread that
     * learns it: no call thread waits for the commit, so every queued request can share one.
     */
    @Override
    public void checkIn(CheckInRequest request, StreamObserver<AttendanceEvent> out) {
        Caller caller = CallerContext.current();
        CheckCommand cmd = AttendanceMapper.checkIn(request);
        start(caller, () -> service.checkIn(caller, cmd), out);
    }

    @Override
    public void checkOut(CheckOutRequest request, StreamObserver<AttendanceEvent> out) {
        Caller caller = CallerContext.current();
        CheckCommand cmd = AttendanceMapper.checkOut(request);
        start(caller, () -> service.checkOut(caller, cmd), out);
    }

    /**
     * On a transport thread ({@link TransportCalls}) the write is queued from there when everything
     * the rules need is cached; a request that would wait (a policy-service read, a refusal that
     * reads the store) is handed whole to the call pool, where it runs again: nothing was changed by
     * the attempt. Failures on the pool reach the caller through onError, mapped like thrown ones.
     */
    private void start(Caller caller, Supplier<CompletableFuture<io.jeda.attendance.domain.AttendanceEvent>> write,
                       StreamObserver<AttendanceEvent> out) {
        if (!transport.enabled()) {
            answer(caller, write.get(), out);
            return;
        }
        CompletableFuture<io.jeda.attendance.domain.AttendanceEvent> queued = NoWaiting.attempt(write);
        if (queued != null) {
            answer(caller, queued, out);
            return;
        }
        pool.offload(() -> {
            CompletableFuture<io.jeda.attendance.domain.AttendanceEvent> stored;
            try {
                stored = write.get();
            } catch (RuntimeException e) {
                out.onError(e);
                return;
            }
            answer(caller, stored, out);
        });
    }

    private static void answer(Caller caller, CompletableFuture<io.jeda.attendance.domain.AttendanceEvent> stored,
                               StreamObserver<AttendanceEvent> out) {
        stored.whenComplete((event, failure) -> {
            if (failure != null) {
                out.onError(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return;
            }
            AttendanceEvent answer;
            try {
                answer = AttendanceMapper.event(event, Privacy.maySeePositions(caller, event.officerNip()));
            } catch (RuntimeException e) {
                out.onError(e);
                return;
            }
            out.onNext(answer);
            out.onCompleted();
        });
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
