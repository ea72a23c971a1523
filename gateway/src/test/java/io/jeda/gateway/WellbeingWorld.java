package io.jeda.gateway;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.jeda.attendance.v1.AttendanceWellbeing;
import io.jeda.attendance.v1.AttendanceWellbeingServiceGrpc;
import io.jeda.attendance.v1.GetAttendanceWellbeingRequest;
import io.jeda.attendance.v1.OfficerAttendanceWellbeing;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.relay.v1.CountHeldMessagesRequest;
import io.jeda.relay.v1.CountHeldMessagesResponse;
import io.jeda.relay.v1.HeldMessageCount;
import io.jeda.relay.v1.RelayWellbeingServiceGrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small world for the wellbeing report, in one gRPC server that plays policy-service (officers,
 * units, a roster with uneven on-call slots in October 2026), attendance-service's and
 * relay-service's wellbeing parts, each of which can be made slow or failing.
 */
public final class WellbeingWorld {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final String MANAGER = "197001012000011001";
    public static final String ANI = "198501012010011001";
    public static final String BAYU = "198601012010011002";
    public static final String CICI = "198701012010012003";
    public static final String OUTSIDER = "198801012010011004";

    private final Map<String, Officer> officers = new TreeMap<>();
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    public final List<String> attendanceCallers = new CopyOnWriteArrayList<>();
    public final List<String> relayCallers = new CopyOnWriteArrayList<>();
    public final List<String> rosterCallers = new CopyOnWriteArrayList<>();
    public volatile FaultMode attendance = FaultMode.NORMAL;
    public volatile FaultMode relay = FaultMode.NORMAL;
    public volatile FaultMode rosters = FaultMode.NORMAL;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private Server server;

    public WellbeingWorld() {
        unit("pemprov", "");
        unit("dinsos", "pemprov");
        unit("lain", "");
        officer(MANAGER, "Pak Manajer", "dinsos", null);
        officer(ANI, "Ani Lestari", "dinsos", MANAGER);
        officer(BAYU, "Bayu Pratama", "dinsos", MANAGER);
        officer(CICI, "Cici Amalia", "dinsos", MANAGER);
        officer(OUTSIDER, "Orang Lain", "lain", null);
    }

    private void unit(String id, String parent) {
        Unit.Builder b = Unit.newBuilder().setName("units/" + id).setDisplayName(id).setTimeZone(WIB.getId());
        if (!parent.isEmpty()) {
            b.setParent("units/" + parent);
        }
        units.put(id, b.build());
    }

    private void officer(String nip, String name, String unit, String manager) {
        Officer.Builder b = Officer.newBuilder().setName("officers/" + nip).setNip(nip).setDisplayName(name)
                .setUnit("units/" + unit).setTimeZone(WIB.getId());
        if (manager != null) {
            b.setManager("officers/" + manager);
        }
        officers.put(nip, b.build());
    }

    /**
     * October 2026's primary turns of 24 hours from 07:30 WIB: Ani on 5, 6 and 7 October (72 hours in
     * the week of Monday 5 October, over the cap of 56), Bayu on 12 October, Cici never.
     */
    static List<OnCallSlot> slots() {
        List<OnCallSlot> out = new ArrayList<>();
        for (int day : new int[]{5, 6, 7}) {
            out.add(turn(day, ANI));
        }
        out.add(turn(12, BAYU));
        return out;
    }

    private static OnCallSlot turn(int day, String nip) {
        Instant start = LocalDate.of(2026, 10, day).atTime(7, 30).atZone(WIB).toInstant();
        return OnCallSlot.newBuilder().setRoster("rosters/piket-dinsos").setStartTime(ts(start))
                .setEndTime(ts(start.plus(Duration.ofHours(24)))).setPrimary("officers/" + nip).build();
    }

    static com.google.protobuf.Timestamp ts(Instant i) {
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    public synchronized WellbeingWorld start() {
        try {
            ServerInterceptor auth = FakeCallers.recording(authorizations);
            server = ServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new Officers(), auth))
                    .addService(ServerInterceptors.intercept(new Units(), auth))
                    .addService(ServerInterceptors.intercept(new Rosters(), auth))
                    .addService(ServerInterceptors.intercept(new Attendance(), auth))
                    .addService(ServerInterceptors.intercept(new Relay(), auth))
                    .build().start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public void reset() {
        attendance = FaultMode.NORMAL;
        relay = FaultMode.NORMAL;
        rosters = FaultMode.NORMAL;
        attendanceCallers.clear();
        relayCallers.clear();
        rosterCallers.clear();
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String subject() {
        return FakeCallers.caller().subject();
    }

    final class Officers extends OfficerServiceGrpc.OfficerServiceImplBase {
        @Override
        public void getOfficer(GetOfficerRequest req, StreamObserver<Officer> out) {
            Officer o = officers.get(last(req.getName()));
            if (o == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(o);
            out.onCompleted();
        }

        @Override
        public void listOfficers(ListOfficersRequest req, StreamObserver<ListOfficersResponse> out) {
            out.onNext(ListOfficersResponse.newBuilder().addAllOfficers(officers.values().stream()
                    .filter(o -> req.getUnit().isEmpty() || o.getUnit().equals(req.getUnit()))
                    .filter(o -> req.getManager().isEmpty() || o.getManager().equals(req.getManager()))
                    .toList()).build());
            out.onCompleted();
        }
    }

    final class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void getUnit(GetUnitRequest req, StreamObserver<Unit> out) {
            Unit u = units.get(last(req.getName()));
            if (u == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(u);
            out.onCompleted();
        }
    }

    final class Rosters extends RosterServiceGrpc.RosterServiceImplBase {
        @Override
        public void listRosters(ListRostersRequest req, StreamObserver<ListRostersResponse> out) {
            rosterCallers.add(subject());
            if (!rosters.behave(out, Duration.ofSeconds(3))) {
                return;
            }
            ListRostersResponse.Builder b = ListRostersResponse.newBuilder();
            if (req.getUnit().equals("units/dinsos")) {
                b.addRosters(Roster.newBuilder().setName("rosters/piket-dinsos").setDisplayName("Piket Pengaduan 24/7")
                        .setUnit("units/dinsos").setTurnHours(24).setMaxHoursPerWeek(56)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + ANI))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + BAYU))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + CICI)));
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void listOnCallSlots(ListOnCallSlotsRequest req, StreamObserver<ListOnCallSlotsResponse> out) {
            if (!rosters.behave(out, Duration.ofSeconds(3))) {
                return;
            }
            long t = req.getTime().getSeconds();
            List<OnCallSlot> after = slots().stream().filter(s -> s.getEndTime().getSeconds() > t).toList();
            int n = Math.max(1, req.getPageSize());
            out.onNext(ListOnCallSlotsResponse.newBuilder().addAllSlots(after.subList(0, Math.min(n, after.size())))
                    .build());
            out.onCompleted();
        }
    }

    final class Attendance extends AttendanceWellbeingServiceGrpc.AttendanceWellbeingServiceImplBase {
        @Override
        public void getAttendanceWellbeing(GetAttendanceWellbeingRequest req, StreamObserver<AttendanceWellbeing> out) {
            attendanceCallers.add(subject());
            if (!attendance.behave(out, Duration.ofSeconds(3))) {
                return;
            }
            AttendanceWellbeing.Builder b = AttendanceWellbeing.newBuilder().setUnit(req.getUnit())
                    .setMinimumRestMinutes(660).setLateCheckOutGraceMinutes(30);
            List<String> asked = req.getOfficersList().stream().map(WellbeingWorld::last).toList();
            for (Officer o : officers.values()) {
                if (!o.getUnit().equals(req.getUnit()) || (!asked.isEmpty() && !asked.contains(o.getNip()))) {
                    continue;
                }
                OfficerAttendanceWellbeing.Builder w = OfficerAttendanceWellbeing.newBuilder().setOfficer(o.getName())
                        .setDueMinutes(22 * 450).setWorkedMinutes(22 * 450);
                if (o.getNip().equals(ANI)) {
                    w.setWorkedMinutes(2730).setLateCheckOuts(1).setShortRests(2).setShortestRestMinutes(480);
                }
                b.addOfficers(w);
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    final class Relay extends RelayWellbeingServiceGrpc.RelayWellbeingServiceImplBase {
        @Override
        public void countHeldMessages(CountHeldMessagesRequest req, StreamObserver<CountHeldMessagesResponse> out) {
            relayCallers.add(subject());
            if (!relay.behave(out, Duration.ofSeconds(3))) {
                return;
            }
            CountHeldMessagesResponse.Builder b = CountHeldMessagesResponse.newBuilder();
            for (String o : req.getOfficersList()) {
                b.addCounts(HeldMessageCount.newBuilder().setOfficer(o).setHeldMessages(o.endsWith(ANI) ? 3 : 0));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }
}
