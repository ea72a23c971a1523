package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.StreamObserver;
import com.google.protobuf.Message;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceEventKind;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.DayStatus;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.VerificationState;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.BatchGetCurrentStatusesResponse;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
    /** How long GetCurrentStatus takes to answer (when it answers). */
    volatile Duration statusLatency = Duration.ZERO;
    final AtomicInteger batchCalls = new AtomicInteger();
    private final List<String> singleAsked = new CopyOnWriteArrayList<>();
    private final List<AttendanceEvent> events = new CopyOnWriteArrayList<>();
    /** First answer and request per officer and idempotency key. */
    private final Map<String, Map.Entry<Message, AttendanceEvent>> byKey = new ConcurrentHashMap<>();
    private Server server;
    private int port;
    /** The admin methods this fake does not implement itself, answered and recorded generically. */
    final AdminAnswers admin = new AdminAnswers(java.util.Set.of(
            "jeda.attendance.v1.AttendanceDayService/GetAttendanceDay",
            "jeda.attendance.v1.AttendanceDayService/GetAttendanceMonth"),
            List.of(io.jeda.attendance.v1.AttendanceRecapServiceGrpc.getServiceDescriptor(),
                    io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc.getServiceDescriptor()));

    public synchronized FakeAttendanceService start() {
        try {
            ServerInterceptor recordAuth = FakeCallers.recording(authorizations, requestIds);
            server = ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(new Attendance(), recordAuth))
                    .addService(ServerInterceptors.intercept(new Days(), admin, recordAuth))
                    .fallbackHandlerRegistry(admin.registry())
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
        statusLatency = Duration.ZERO;
        batchCalls.set(0);
        singleAsked.clear();
        stall = Duration.ofSeconds(3);
        events.clear();
        byKey.clear();
        admin.reset();
    }

    /** Switches between answering, stalling and failing. */
    public void mode(FaultMode m) {
        mode = m;
    }

    /** The authorization metadata of every call since the last reset, oldest first. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** GetCurrentStatus calls since the last reset. */
    public int singleCalls() {
        return singleCalls.get();
    }

    /** The officers GetCurrentStatus was asked about since the last reset, in order. */
    public List<String> singleAsked() {
        return List.copyOf(singleAsked);
    }

    /** BatchGetCurrentStatuses calls since the last reset. */
    public int batchCalls() {
        return batchCalls.get();
    }

    /** Check-ins and check-outs stored since the last reset (a retry with a known key stores nothing). */
    public int storedEvents() {
        return events.size();
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

    /** Applies the fault mode, then does the work; a JedaException becomes the refusal the real service gives. */
    private void serve(StreamObserver<?> out, Runnable work) {
        if (behave(out)) {
            guard(out, work);
        }
    }

    private static void guard(StreamObserver<?> out, Runnable work) {
        try {
            work.run();
        } catch (JedaException e) {
            FakeCallers.fail(out, "attendance-service", e);
        }
    }

    /**
     * The rules of attendance-service that a gateway test can notice: only the officer themself,
     * required fields, one open check-in at a time, and a retry with the same key answered with the
     * first event (a different request with the same key refused). The time of record is the device
     * time, so answers do not depend on the wall clock.
     */
    private AttendanceEvent record(AttendanceEventKind kind, String officer, AttendanceMode m,
                                   Timestamp deviceTime, boolean hasPosition, DevicePosition position,
                                   String deviceId, String key, Message request) {
        Caller c = FakeCallers.caller();
        String nip = officer.startsWith("officers/") ? officer.substring(9) : officer;
        if (!c.isOfficer(nip)) {
            throw JedaException.permissionDenied("NOT_SELF", "an officer checks in and out only as themself",
                    "officer", officer, "subject", c.subject());
        }
        if (m == AttendanceMode.ATTENDANCE_MODE_UNSPECIFIED) {
            throw JedaException.invalidField("mode", "mode must be OFFICE, HOME or OTHER");
        }
        if (!hasPosition) {
            throw JedaException.invalidField("position", "position is required");
        }
        if (key.isEmpty()) {
            throw JedaException.invalidField("idempotency_key", "idempotency_key is required");
        }
        Map.Entry<Message, AttendanceEvent> first = byKey.get(nip + "|" + key);
        if (first != null) {
            if (!first.getKey().equals(request)) {
                throw JedaException.failedPrecondition("IDEMPOTENCY_KEY_REUSED",
                        "this idempotency key was already used for a different request", "idempotency_key", key);
            }
            return first.getValue();
        }
        Instant at = Instant.ofEpochSecond(deviceTime.getSeconds());
        Open current = open.get(nip);
        if (kind == AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN && current != null) {
            throw JedaException.failedPrecondition("ALREADY_CHECKED_IN", "officer " + nip + " is already checked in",
                    "officer", officer);
        }
        if (kind == AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_OUT && current == null) {
            throw JedaException.failedPrecondition("NOT_CHECKED_IN", "officer " + nip + " has no open check-in",
                    "officer", officer);
        }
        AttendanceEvent e = AttendanceEvent.newBuilder()
                .setName("officers/" + nip + "/attendanceEvents/e" + (events.size() + 1)).setOfficer("officers/" + nip)
                .setKind(kind).setMode(m).setRecordTime(deviceTime).setDeviceTime(deviceTime)
                .setReceiveTime(deviceTime).setTimeZone("Asia/Jakarta").setPosition(position).setDeviceId(deviceId)
                .setVerification(VerificationState.VERIFICATION_STATE_VERIFIED).build();
        events.add(e);
        byKey.put(nip + "|" + key, Map.entry(request, e));
        if (kind == AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN) {
            checkIn(nip, m, at);
        } else {
            checkOut(nip, at);
        }
        return e;
    }

    final class Attendance extends AttendanceServiceGrpc.AttendanceServiceImplBase {
        @Override
        public void checkIn(CheckInRequest req, StreamObserver<AttendanceEvent> out) {
            serve(out, () -> {
                out.onNext(record(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN, req.getOfficer(), req.getMode(),
                        req.getDeviceTime(), req.hasPosition(), req.getPosition(), req.getDeviceId(),
                        req.getIdempotencyKey(), req));
                out.onCompleted();
            });
        }

        @Override
        public void checkOut(CheckOutRequest req, StreamObserver<AttendanceEvent> out) {
            serve(out, () -> {
                out.onNext(record(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_OUT, req.getOfficer(), req.getMode(),
                        req.getDeviceTime(), req.hasPosition(), req.getPosition(), req.getDeviceId(),
                        req.getIdempotencyKey(), req));
                out.onCompleted();
            });
        }

        @Override
        public void getCurrentStatus(GetCurrentStatusRequest req, StreamObserver<OfficerStatus> out) {
            singleCalls.incrementAndGet();
            singleAsked.add(req.getOfficer());
            if (!behave(out)) {
                return;
            }
            try {
                Thread.sleep(statusLatency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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

    /** Attendance days: readable by the officer themself (and privileged callers); every day OFF or PENDING. */
    final class Days extends AttendanceDayServiceGrpc.AttendanceDayServiceImplBase {
        @Override
        public void getAttendanceDay(io.jeda.attendance.v1.GetAttendanceDayRequest req, StreamObserver<AttendanceDay> out) {
            serve(out, () -> {
                Caller c = FakeCallers.caller();
                io.jeda.common.names.AttendanceDayName name = io.jeda.common.names.AttendanceDayName.parse(req.getName());
                if (!c.isPrivileged() && !c.isOfficer(name.parent().nip())) {
                    throw JedaException.permissionDenied("NOT_MANAGER", "only a manager of the officer's unit may read this",
                            "officer", name.parent().toString(), "subject", c.subject());
                }
                java.time.LocalDate date = name.date();
                out.onNext(AttendanceDay.newBuilder().setName(req.getName()).setOfficer(name.parent().toString())
                        .setTimeZone("Asia/Jakarta").setDate(com.google.type.Date.newBuilder().setYear(date.getYear())
                                .setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()))
                        .setStatus(DayStatus.DAY_STATUS_ABSENT).setDueMinutes(450).build());
                out.onCompleted();
            });
        }

        @Override
        public void getAttendanceMonth(GetAttendanceMonthRequest req, StreamObserver<AttendanceMonth> out) {
            serve(out, () -> {
                Caller c = FakeCallers.caller();
                String nip = req.getOfficer().startsWith("officers/") ? req.getOfficer().substring(9) : req.getOfficer();
                if (!c.isPrivileged() && !c.isOfficer(nip)) {
                    throw JedaException.permissionDenied("NOT_MANAGER", "only a manager of the officer's unit may read this",
                            "officer", req.getOfficer(), "subject", c.subject());
                }
                YearMonth ym = YearMonth.of(req.getYear(), req.getMonth());
                AttendanceMonth.Builder b = AttendanceMonth.newBuilder().setOfficer(req.getOfficer())
                        .setYear(req.getYear()).setMonth(req.getMonth());
                for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                    java.time.LocalDate date = ym.atDay(d);
                    boolean weekend = date.getDayOfWeek().getValue() >= 6;
                    b.addDays(AttendanceDay.newBuilder().setName(req.getOfficer() + "/attendanceDays/" + date)
                            .setOfficer(req.getOfficer()).setTimeZone("Asia/Jakarta")
                            .setDate(com.google.type.Date.newBuilder().setYear(date.getYear())
                                    .setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()))
                            .setStatus(weekend ? DayStatus.DAY_STATUS_OFF_DAY : DayStatus.DAY_STATUS_ABSENT)
                            .setDueMinutes(weekend ? 0 : 450));
                }
                out.onNext(b.build());
                out.onCompleted();
            });
        }
    }
}
