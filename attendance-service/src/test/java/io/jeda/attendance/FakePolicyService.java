package io.jeda.attendance;

import com.google.type.LatLng;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.WorkPlace;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for policy-service on a real local port, so the production client and its channel
 * configuration are what the tests exercise. It can answer normally, stall past any deadline
 * (never answer), fail (UNAVAILABLE) or refuse the caller (PERMISSION_DENIED), and it records the tokens it was called with.
 */
public final class FakePolicyService {

    private static final io.grpc.Context.Key<String> TOKEN = io.grpc.Context.key("fake-policy-token");

    /** How the fake answers. */
    public enum Behaviour { NORMAL, STALL, FAIL, DENY }

    private final Map<String, Officer> officers = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    private final Map<String, List<WorkPlace>> allowedPlaces = new ConcurrentHashMap<>();
    private final Map<String, ScheduleReason> reasons = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile Server server;
    private final int port;
    private final ServerInterceptor recorder;

    private FakePolicyService() {
        Metadata.Key<String> auth = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                calls.incrementAndGet();
                String a = headers.get(auth);
                authorizations.add(a == null ? "" : a);
                return io.grpc.Contexts.interceptCall(io.grpc.Context.current().withValue(TOKEN, a == null ? "" : a),
                        call, headers, next);
            }
        };
        server = listen(0);
        port = server.getPort();
    }

    private Server listen(int port) {
        try {
            return ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(new Officers(), recorder))
                    .addService(ServerInterceptors.intercept(new Units(), recorder))
                    .addService(ServerInterceptors.intercept(new Schedules(), recorder))
                    // Not recorded: the change feed's stream is the service's own, not a caller's.
                    .addService(changes)
                    .build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Down: nothing listens on the port any more (until {@link #up()}). */
    public synchronized void down() {
        server.shutdownNow();
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Back on the same port. */
    public synchronized void up() {
        if (server.isShutdown()) {
            server = listen(port);
        }
    }

    /** The change feed: every open WatchChanges stream. */
    private final Changes changes = new Changes();

    /** Sends a change of one officer on every open change feed stream, as policy-service does after a commit. */
    public void officerChanged(String nip) {
        changes.send(io.jeda.policy.v1.Change.newBuilder().setScope(io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_OFFICER)
                .setOfficer("officers/" + nip).setResource("officers/" + nip));
    }

    private static final class Changes extends io.jeda.policy.v1.ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {
        final List<StreamObserver<io.jeda.policy.v1.WatchChangesResponse>> streams = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong(100);

        @Override
        public void watchChanges(io.jeda.policy.v1.WatchChangesRequest req,
                                 StreamObserver<io.jeda.policy.v1.WatchChangesResponse> out) {
            var stream = (io.grpc.stub.ServerCallStreamObserver<io.jeda.policy.v1.WatchChangesResponse>) out;
            stream.setOnCancelHandler(() -> streams.remove(out));
            synchronized (this) {
                out.onNext(io.jeda.policy.v1.WatchChangesResponse.newBuilder().setHeartbeat(
                        io.jeda.policy.v1.Heartbeat.newBuilder().setSequence(sequence.get())).build());
                streams.add(out);
            }
        }

        synchronized void send(io.jeda.policy.v1.Change.Builder c) {
            java.time.Instant now = java.time.Instant.now();
            c.setSequence(sequence.incrementAndGet()).setChangeTime(com.google.protobuf.Timestamp.newBuilder()
                    .setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
            var m = io.jeda.policy.v1.WatchChangesResponse.newBuilder().setChange(c).build();
            for (var out : streams) {
                try {
                    out.onNext(m);
                } catch (RuntimeException e) {
                    streams.remove(out);
                }
            }
        }
    }

    public static FakePolicyService start() {
        return new FakePolicyService();
    }

    public int port() {
        return port;
    }

    /** BatchGetEffectiveSchedules calls since the last reset. */
    public final java.util.concurrent.atomic.AtomicInteger batchScheduleCalls = new java.util.concurrent.atomic.AtomicInteger();

    public void reset() {
        batchScheduleCalls.set(0);
        officers.clear();
        units.clear();
        allowedPlaces.clear();
        reasons.clear();
        authorizations.clear();
        calls.set(0);
        behaviour = Behaviour.NORMAL;
    }

    public void behave(Behaviour b) {
        behaviour = b;
    }

    public int calls() {
        return calls.get();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** A unit with one office geofence. */
    public void unit(String id, String zone, double lat, double lon, int radius) {
        units.put(id, Unit.newBuilder().setName("units/" + id).setTimeZone(zone).setDisplayName(id)
                .addOffices(Office.newBuilder().setId("main").setDisplayName("Main office")
                        .setGeofence(geofence(lat, lon, radius)))
                .build());
    }

    /** Forgets a unit, as if it had been deleted behind its officers' backs. */
    /** Places a unit below another (which is made, in the same zone, when unknown). */
    public void parent(String unitId, String parentId) {
        Unit u = units.get(unitId);
        units.putIfAbsent(parentId, Unit.newBuilder().setName("units/" + parentId).setTimeZone(u.getTimeZone())
                .setDisplayName("Unit " + parentId).build());
        units.put(unitId, u.toBuilder().setParent("units/" + parentId).build());
    }

    public void removeUnit(String unitId) {
        units.remove(unitId);
    }

    /** Sets a unit's day-close time (local, in its zone). */
    public void dayClose(String unitId, int hours, int minutes) {
        units.put(unitId, units.get(unitId).toBuilder()
                .setDayCloseTime(com.google.type.TimeOfDay.newBuilder().setHours(hours).setMinutes(minutes)).build());
    }

    /** An officer of a unit; domicile may be null. */
    public void officer(String nip, String unitId, String managerNip, double[] domicile) {
        Unit u = units.get(unitId);
        Officer.Builder b = Officer.newBuilder().setName("officers/" + nip).setNip(nip).setUnit("units/" + unitId)
                .setTimeZone(u.getTimeZone()).setDisplayName("Officer " + nip);
        if (managerNip != null) {
            b.setManager("officers/" + managerNip);
        }
        if (domicile != null) {
            b.setDomicile(geofence(domicile[0], domicile[1], (int) domicile[2]));
        }
        officers.put(nip, b.build());
    }

    /** Gives a known officer another display name. */
    public void displayName(String nip, String name) {
        officers.put(nip, officers.get(nip).toBuilder().setDisplayName(name).build());
    }

    /** The places the officer's schedule allows; empty means a day off. Default: OFFICE only. */
    public void allow(String nip, WorkPlace... places) {
        allowedPlaces.put(nip, List.of(places));
    }

    /** A day without work for a reason (LEAVE, NATIONAL_HOLIDAY, WEEKEND...) on every date. */
    public void dayOff(String nip, ScheduleReason reason) {
        allowedPlaces.put(nip, List.of());
        reasons.put(nip, reason);
    }

    /**
     * The schedule of a date: working days 07:30-16:00 local with core hours 09:00-15:00 and 450
     * minutes due (60 minutes of break), every day of the week, unless set otherwise.
     */
    private EffectiveSchedule schedule(Officer o, com.google.type.Date date) {
        String nip = o.getNip();
        java.time.ZoneId zone = java.time.ZoneId.of(o.getTimeZone());
        java.time.LocalDate d = java.time.LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        List<WorkPlace> places = allowedPlaces.getOrDefault(nip, List.of(WorkPlace.WORK_PLACE_OFFICE));
        EffectiveSchedule.Builder b = EffectiveSchedule.newBuilder().setOfficer(o.getName())
                .setDate(date).setTimeZone(o.getTimeZone()).setUnit(o.getUnit())
                .setWorking(!places.isEmpty()).addAllAllowedPlaces(places)
                .setReason(places.isEmpty() ? reasons.getOrDefault(nip, ScheduleReason.SCHEDULE_REASON_WEEKEND)
                        : ScheduleReason.SCHEDULE_REASON_POSITION_DEFAULT)
                .setWorkMinutes(places.isEmpty() ? 0 : 450);
        if (!places.isEmpty()) {
            b.setPlace(places.contains(WorkPlace.WORK_PLACE_HOME) ? WorkPlace.WORK_PLACE_HOME : WorkPlace.WORK_PLACE_OFFICE);
            b.setWork(window(d, zone, 7, 30, 16, 0));
            b.setCore(window(d, zone, 9, 0, 15, 0));
        }
        return b.build();
    }

    private static io.jeda.policy.v1.LocalWindow window(java.time.LocalDate d, java.time.ZoneId zone, int h1, int m1,
                                                       int h2, int m2) {
        java.time.Instant start = d.atTime(h1, m1).atZone(zone).toInstant();
        java.time.Instant end = d.atTime(h2, m2).atZone(zone).toInstant();
        return io.jeda.policy.v1.LocalWindow.newBuilder()
                .setStart(com.google.type.TimeOfDay.newBuilder().setHours(h1).setMinutes(m1))
                .setEnd(com.google.type.TimeOfDay.newBuilder().setHours(h2).setMinutes(m2))
                .setStartTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(start.getEpochSecond()))
                .setEndTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(end.getEpochSecond()))
                .build();
    }

    private static Geofence geofence(double lat, double lon, int radius) {
        return Geofence.newBuilder().setCenter(LatLng.newBuilder().setLatitude(lat).setLongitude(lon))
                .setRadiusMeters(radius).build();
    }

    /** Applies the behaviour; true when the handler should answer normally. */
    private <T> boolean proceed(StreamObserver<T> out) {
        return switch (behaviour) {
            case NORMAL -> true;
            case STALL -> false;
            case FAIL -> {
                out.onError(Status.UNAVAILABLE.withDescription("policy-service is down").asRuntimeException());
                yield false;
            }
            case DENY -> {
                // As policy-service refuses a caller: PERMISSION_DENIED with its ErrorInfo.
                out.onError(io.grpc.protobuf.StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(com.google.rpc.Code.PERMISSION_DENIED_VALUE)
                        .setMessage("the caller's roles do not allow this action")
                        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
                                .setReason("ROLE_NOT_ALLOWED").setDomain("policy-service").build()))
                        .build()));
                yield false;
            }
        };
    }

    private static boolean seesDomicile(String nip) {
        try {
            var claims = com.nimbusds.jwt.SignedJWT.parse(TOKEN.get().substring("Bearer ".length())).getJWTClaimsSet();
            List<String> roles = claims.getStringListClaim("roles");
            return nip.equals(claims.getSubject()) || roles.contains("ADMIN") || roles.contains("SERVICE");
        } catch (Exception e) {
            return false;
        }
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private final class Officers extends OfficerServiceGrpc.OfficerServiceImplBase {
        @Override
        public void getOfficer(GetOfficerRequest request, StreamObserver<Officer> out) {
            if (!proceed(out)) {
                return;
            }
            Officer o = officers.get(last(request.getName()));
            if (o == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            // Like policy-service: the domicile only for the officer themself, ADMIN and SERVICE.
            out.onNext(seesDomicile(o.getNip()) ? o : o.toBuilder().clearDomicile().build());
            out.onCompleted();
        }

        /** Pages of at most two officers, so that clients must follow next_page_token. */
        @Override
        public void listOfficers(io.jeda.policy.v1.ListOfficersRequest request,
                                 StreamObserver<io.jeda.policy.v1.ListOfficersResponse> out) {
            if (!proceed(out)) {
                return;
            }
            List<Officer> all = officers.values().stream()
                    .filter(o -> request.getUnit().isEmpty() || o.getUnit().equals(request.getUnit()))
                    .sorted(java.util.Comparator.comparing(Officer::getNip))
                    .map(o -> o.toBuilder().clearDomicile().build())
                    .toList();
            int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
            int to = Math.min(all.size(), from + 2);
            out.onNext(io.jeda.policy.v1.ListOfficersResponse.newBuilder().addAllOfficers(all.subList(from, to))
                    .setNextPageToken(to < all.size() ? Integer.toString(to) : "").build());
            out.onCompleted();
        }
    }

    private final class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void getUnit(GetUnitRequest request, StreamObserver<Unit> out) {
            if (!proceed(out)) {
                return;
            }
            Unit u = units.get(last(request.getName()));
            if (u == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(u);
            out.onCompleted();
        }
    }

    private final class Schedules extends ScheduleServiceGrpc.ScheduleServiceImplBase {
        @Override
        public void getEffectiveSchedule(GetEffectiveScheduleRequest request, StreamObserver<EffectiveSchedule> out) {
            if (!proceed(out)) {
                return;
            }
            String nip = last(request.getOfficer());
            Officer o = officers.get(nip);
            if (o == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(schedule(o, request.getDate()));
            out.onCompleted();
        }

        @Override
        public void listEffectiveSchedules(io.jeda.policy.v1.ListEffectiveSchedulesRequest request,
                                           StreamObserver<io.jeda.policy.v1.ListEffectiveSchedulesResponse> out) {
            if (!proceed(out)) {
                return;
            }
            Officer o = officers.get(last(request.getOfficer()));
            if (o == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            var b = io.jeda.policy.v1.ListEffectiveSchedulesResponse.newBuilder();
            java.time.LocalDate d = java.time.LocalDate.of(request.getStartDate().getYear(),
                    request.getStartDate().getMonth(), request.getStartDate().getDay());
            java.time.LocalDate end = java.time.LocalDate.of(request.getEndDate().getYear(),
                    request.getEndDate().getMonth(), request.getEndDate().getDay());
            for (; !d.isAfter(end); d = d.plusDays(1)) {
                b.addSchedules(schedule(o, com.google.type.Date.newBuilder().setYear(d.getYear())
                        .setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build()));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    
        /** Counts the batch calls, so a test can tell one call per date from one per officer. */
        @Override
        public void batchGetEffectiveSchedules(io.jeda.policy.v1.BatchGetEffectiveSchedulesRequest request,
                                               StreamObserver<io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse> out) {
            if (!proceed(out)) {
                return;
            }
            batchScheduleCalls.incrementAndGet();
            var b = io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse.newBuilder();
            for (String name : request.getOfficersList()) {
                Officer o = officers.get(last(name));
                if (o == null) {
                    b.addNotFound(name);
                } else {
                    b.addSchedules(schedule(o, request.getDate()));
                }
            }
            out.onNext(b.build());
            out.onCompleted();
        }
}
}
