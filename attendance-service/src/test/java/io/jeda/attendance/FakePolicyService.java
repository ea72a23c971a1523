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
 * (never answer), or fail (UNAVAILABLE), and it records the tokens it was called with.
 */
public final class FakePolicyService {

    /** How the fake answers. */
    public enum Behaviour { NORMAL, STALL, FAIL }

    private final Map<String, Officer> officers = new ConcurrentHashMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    private final Map<String, List<WorkPlace>> allowedPlaces = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private final Server server;

    private FakePolicyService() {
        Metadata.Key<String> auth = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                calls.incrementAndGet();
                String a = headers.get(auth);
                authorizations.add(a == null ? "" : a);
                return next.startCall(call, headers);
            }
        };
        try {
            server = ServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Officers(), recorder))
                    .addService(ServerInterceptors.intercept(new Units(), recorder))
                    .addService(ServerInterceptors.intercept(new Schedules(), recorder))
                    .build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FakePolicyService start() {
        return new FakePolicyService();
    }

    public int port() {
        return server.getPort();
    }

    public void reset() {
        officers.clear();
        units.clear();
        allowedPlaces.clear();
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

    /** The places the officer's schedule allows; empty means a day off. Default: OFFICE only. */
    public void allow(String nip, WorkPlace... places) {
        allowedPlaces.put(nip, List.of(places));
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
        };
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
            out.onNext(o);
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
            List<WorkPlace> places = allowedPlaces.getOrDefault(nip, List.of(WorkPlace.WORK_PLACE_OFFICE));
            EffectiveSchedule.Builder b = EffectiveSchedule.newBuilder().setOfficer(request.getOfficer())
                    .setDate(request.getDate()).setTimeZone(o.getTimeZone()).setUnit(o.getUnit())
                    .setWorking(!places.isEmpty()).addAllAllowedPlaces(places)
                    .setReason(places.isEmpty() ? ScheduleReason.SCHEDULE_REASON_WEEKEND
                            : ScheduleReason.SCHEDULE_REASON_POSITION_DEFAULT)
                    .setWorkMinutes(places.isEmpty() ? 0 : 450);
            if (!places.isEmpty()) {
                b.setPlace(places.contains(WorkPlace.WORK_PLACE_HOME) ? WorkPlace.WORK_PLACE_HOME : WorkPlace.WORK_PLACE_OFFICE);
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }
}
