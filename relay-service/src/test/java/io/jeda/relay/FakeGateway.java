package io.jeda.relay;

import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the gateway's reachability engine (and policy-service's officer records, for
 * managers) on a real local port, so the production clients (channels, deadlines, service token)
 * are what the tests exercise. Answers are set per officer; it can
 * also stall past any deadline. It records the tokens it was called with.
 */
public final class FakeGateway {

    /** How the fake answers. */
    public enum Behaviour { NORMAL, STALL }

    private final Map<String, Reachability> answers = new ConcurrentHashMap<>();
    private final Map<String, String> managers = new ConcurrentHashMap<>();
    private final Map<String, io.jeda.policy.v1.OnCallSlot> onCall = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private final Server server;

    private FakeGateway() {
        Metadata.Key<String> auth = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String a = headers.get(auth);
                authorizations.add(a == null ? "" : a);
                return next.startCall(call, headers);
            }
        };
        try {
            server = ServerBuilder.forPort(0).addService(ServerInterceptors.intercept(new Engine(), recorder))
                    .addService(ServerInterceptors.intercept(new Officers(), recorder))
                    .addService(ServerInterceptors.intercept(new Rosters(), recorder)).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FakeGateway start() {
        return new FakeGateway();
    }

    public int port() {
        return server.getPort();
    }

    public void reset() {
        answers.clear();
        managers.clear();
        onCall.clear();
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

    /** Who is on call for the roster now (policy-service's slot in force). */
    public void onCall(String rosterId, String primaryNip, String backupNip) {
        onCall.put(rosterId, io.jeda.policy.v1.OnCallSlot.newBuilder().setRoster("rosters/" + rosterId)
                .setPrimary("officers/" + primaryNip).setBackup("officers/" + backupNip).build());
    }

    /** The officer's direct manager, as policy-service's records say. */
    public void manager(String nip, String managerNip) {
        managers.put(nip, managerNip);
    }

    /** The officer is reachable now. */
    public void reachable(String nip, Instant respondBy) {
        answers.put(nip, answer(nip, true, null, respondBy).build());
    }

    /** The officer is not reachable until {@code next}; optionally someone else is, instead. */
    public void notReachable(String nip, Instant next, Instant respondBy, String insteadNip) {
        Reachability.Builder b = answer(nip, false, next, respondBy).addReasons("Outside working hours.");
        if (insteadNip != null) {
            b.setContactInstead(answer(insteadNip, true, null, respondBy).addReasons("On call now."));
        }
        answers.put(nip, b.build());
    }

    private static Reachability.Builder answer(String nip, boolean reachable, Instant next, Instant respondBy) {
        Reachability.Builder b = Reachability.newBuilder().setOfficer("officers/" + nip).setReachable(reachable)
                .setTimeZone("Asia/Jakarta").setAsOf(ts(Instant.now()));
        if (next != null) {
            b.setNextReachableAt(ts(next));
        }
        if (respondBy != null) {
            b.setRespondBy(ts(respondBy));
        }
        return b;
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private final class Engine extends ReachabilityServiceGrpc.ReachabilityServiceImplBase {
        @Override
        public void getReachability(GetReachabilityRequest request, StreamObserver<Reachability> response) {
            calls.incrementAndGet();
            if (behaviour == Behaviour.STALL) {
                return; // never answers: the caller's deadline must end the wait
            }
            String nip = request.getOfficer().substring("officers/".length());
            Reachability r = answers.get(nip);
            if (r == null) {
                response.onError(Status.NOT_FOUND.withDescription("no officer " + nip).asRuntimeException());
                return;
            }
            response.onNext(r.toBuilder().setUrgency(request.getUrgency()).build());
            response.onCompleted();
        }
    }

    private final class Officers extends OfficerServiceGrpc.OfficerServiceImplBase {
        @Override
        public void getOfficer(GetOfficerRequest request, StreamObserver<Officer> response) {
            String nip = request.getName().substring("officers/".length());
            String manager = managers.get(nip);
            if (manager == null) {
                response.onError(Status.NOT_FOUND.withDescription("no officer " + nip).asRuntimeException());
                return;
            }
            response.onNext(Officer.newBuilder().setName(request.getName()).setManager("officers/" + manager).build());
            response.onCompleted();
        }
    }

    private final class Rosters extends io.jeda.policy.v1.RosterServiceGrpc.RosterServiceImplBase {
        @Override
        public void listOnCallSlots(io.jeda.policy.v1.ListOnCallSlotsRequest request,
                                    StreamObserver<io.jeda.policy.v1.ListOnCallSlotsResponse> response) {
            var slot = onCall.get(request.getParent().substring("rosters/".length()));
            if (slot == null) {
                response.onError(Status.NOT_FOUND.withDescription("no roster " + request.getParent()).asRuntimeException());
                return;
            }
            response.onNext(io.jeda.policy.v1.ListOnCallSlotsResponse.newBuilder().addSlots(slot).build());
            response.onCompleted();
        }

        @Override
        public void getRoster(io.jeda.policy.v1.GetRosterRequest request, StreamObserver<io.jeda.policy.v1.Roster> response) {
            response.onNext(io.jeda.policy.v1.Roster.newBuilder().setName(request.getName())
                    .setDisplayName("Piket Pengaduan 24/7").build());
            response.onCompleted();
        }
    }
}
