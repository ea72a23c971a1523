package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.StreamObserver;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.BatchGetCurrentStatusesResponse;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for attendance-service built from the generated ImplBase, on a real
 * localhost port so that the gateway's production client (channel, deadlines, credentials) is what
 * talks to it. Like {@link FakePolicyService} it can be switched between normal, slow and failing.
 *
 * <p>Its world: nobody is checked in until a test says so with {@link #checkIn}.
 */
public final class FakeAttendanceService {


    private record Open(AttendanceMode mode, Instant since) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastCheckOut = new ConcurrentHashMap<>();
    volatile FaultMode mode = FaultMode.NORMAL;
    volatile Duration stall = Duration.ofSeconds(3);
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The x-request-id metadata of every call received ("" when absent). */
    final List<String> requestIds = new CopyOnWriteArrayList<>();
    final AtomicInteger singleCalls = new AtomicInteger();
    final AtomicInteger batchCalls = new AtomicInteger();
    private Server server;
    private int port;

    public synchronized FakeAttendanceService start() {
        try {
            ServerInterceptor recordAuth = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                                   ServerCallHandler<Q, R> next) {
                    String auth = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
                    authorizations.add(auth == null ? "" : auth);
                    String requestId = headers.get(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER));
                    requestIds.add(requestId == null ? "" : requestId);
                    return next.startCall(call, headers);
                }
            };
            server = ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(new Attendance(), recordAuth))
                    .build().start();
            port = server.getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public void reset() {
        mode = FaultMode.NORMAL;
        open.clear();
        lastCheckOut.clear();
        authorizations.clear();
        requestIds.clear();
        singleCalls.set(0);
        batchCalls.set(0);
    }

    public void checkIn(String nip, AttendanceMode m, Instant since) {
        open.put(nip, new Open(m, since));
    }

    /** Closes the officer's check-in (if any) at the given time of record, reported as their last check-out. */
    public void checkOut(String nip, Instant at) {
        open.remove(nip);
        lastCheckOut.put(nip, at);
    }

    private boolean behave(StreamObserver<?> out) {
        return mode.behave(out, stall);
    }

    private OfficerStatus status(String name) {
        String nip = name.startsWith("officers/") ? name.substring(9) : name;
        OfficerStatus.Builder b = OfficerStatus.newBuilder().setOfficer("officers/" + nip);
        Open o = open.get(nip);
        if (o != null) {
            b.setCheckedIn(true).setMode(o.mode())
                    .setSince(Timestamp.newBuilder().setSeconds(o.since().getEpochSecond()))
                    .setCheckIn("officers/" + nip + "/attendanceEvents/e-" + nip);
        }
        Instant out = lastCheckOut.get(nip);
        if (out != null) {
            b.setLastCheckOutTime(Timestamp.newBuilder().setSeconds(out.getEpochSecond()));
        }
        return b.build();
    }

    final class Attendance extends AttendanceServiceGrpc.AttendanceServiceImplBase {
        @Override
        public void getCurrentStatus(GetCurrentStatusRequest req, StreamObserver<OfficerStatus> out) {
            singleCalls.incrementAndGet();
            if (!behave(out)) {
                return;
            }
            out.onNext(status(req.getOfficer()));
            out.onCompleted();
        }

        @Override
        public void batchGetCurrentStatuses(BatchGetCurrentStatusesRequest req,
                                            StreamObserver<BatchGetCurrentStatusesResponse> out) {
            batchCalls.incrementAndGet();
            if (!behave(out)) {
                return;
            }
            BatchGetCurrentStatusesResponse.Builder b = BatchGetCurrentStatusesResponse.newBuilder();
            for (String name : new LinkedHashSet<>(req.getOfficersList())) {
                b.addStatuses(status(name));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }
}
