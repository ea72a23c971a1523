package io.jeda.policy.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.app.changes.ChangeFeedHub;
import io.jeda.policy.domain.changes.ChangeEvent;
import io.jeda.policy.v1.Change;
import io.jeda.policy.v1.ChangeFeedServiceGrpc;
import io.jeda.policy.v1.ChangeScope;
import io.jeda.policy.v1.Heartbeat;
import io.jeda.policy.v1.WatchChangesRequest;
import io.jeda.policy.v1.WatchChangesResponse;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Serves jeda.policy.v1.ChangeFeedService: the change feed as a server stream, for services only. */
@Singleton
public class ChangeFeedEndpoint extends ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {

    /** Messages a stream may have waiting for a slow reader before it is ended (the reader resumes). */
    private static final int MAX_UNREAD = 10_000;

    private final ChangeFeedHub hub;

    public ChangeFeedEndpoint(ChangeFeedHub hub) {
        this.hub = hub;
    }

    @Override
    public void watchChanges(WatchChangesRequest request, StreamObserver<WatchChangesResponse> out) {
        Caller caller = CallerContext.current();
        if (!caller.has(Role.SERVICE)) {
            throw JedaException.permissionDenied("SERVICE_REQUIRED", "only services may watch the change feed",
                    "subject", caller.subject());
        }
        ServerCallStreamObserver<WatchChangesResponse> stream = (ServerCallStreamObserver<WatchChangesResponse>) out;
        hub.subscribe(Math.max(0, request.getAfterSequence()), new Stream(stream));
    }

    /** One open stream; called only from the feed's thread. */
    private static final class Stream implements ChangeFeedHub.Subscriber {
        private final ServerCallStreamObserver<WatchChangesResponse> out;
        private volatile boolean closed;
        private int unread;

        Stream(ServerCallStreamObserver<WatchChangesResponse> out) {
            this.out = out;
            out.setOnCancelHandler(() -> closed = true);
            out.setOnReadyHandler(() -> unread = 0);
        }

        private boolean send(WatchChangesResponse m) {
            if (closed || out.isCancelled()) {
                return false;
            }
            if (!out.isReady() && ++unread > MAX_UNREAD) {
                closed = true;
                out.onError(Status.RESOURCE_EXHAUSTED.withDescription("the change feed's reader is too slow; "
                        + "resume from the last sequence applied").asRuntimeException());
                return false;
            }
            try {
                out.onNext(m);
                return true;
            } catch (RuntimeException e) {
                closed = true;
                return false;
            }
        }

        @Override
        public boolean change(ChangeEvent e) {
            Change.Builder c = Change.newBuilder().setSequence(e.seq()).setResource(e.resource())
                    .setScope(switch (e.scope()) {
                        case OFFICER -> ChangeScope.CHANGE_SCOPE_OFFICER;
                        case UNIT -> ChangeScope.CHANGE_SCOPE_UNIT;
                        case ALL -> ChangeScope.CHANGE_SCOPE_ALL;
                    })
                    .setChangeTime(timestamp(e.changedAt()));
            if (e.officerNip() != null) {
                c.setOfficer("officers/" + e.officerNip());
            }
            if (e.unitId() != null) {
                c.setUnit("units/" + e.unitId());
            }
            return send(WatchChangesResponse.newBuilder().setChange(c).build());
        }

        @Override
        public boolean heartbeat(long sequence, Instant at) {
            return send(WatchChangesResponse.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSequence(sequence)
                    .setSendTime(timestamp(at))).build());
        }

        @Override
        public boolean reset(long sequence, Instant at) {
            return send(WatchChangesResponse.newBuilder().setChange(Change.newBuilder().setSequence(sequence)
                    .setScope(ChangeScope.CHANGE_SCOPE_ALL).setReset(true).setChangeTime(timestamp(at))).build());
        }

        @Override
        public void unavailable() {
            if (!closed) {
                closed = true;
                out.onError(Status.UNAVAILABLE.withDescription("the change feed's outbox cannot be read now")
                        .asRuntimeException());
            }
        }

        private static Timestamp timestamp(Instant i) {
            return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
        }
    }
}
