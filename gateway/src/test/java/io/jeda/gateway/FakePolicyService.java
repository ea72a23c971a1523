package io.jeda.gateway;

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
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.LocalWindow;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.WorkPlace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for policy-service built from the generated ImplBase classes, on a real
 * localhost port so that the gateway's production client (channel, deadlines, credentials) is what
 * talks to it. Tests switch it between normal, slow, failing and down.
 *
 * <p>Its world: unit {@code u1} (child {@code u2}) in Asia/Jakarta; everyone works Monday to Friday
 * 07:30–16:00 WIB at the office; roster {@code piket} of {@code u1} has {@link #ONCALL} on call every
 * night 16:00–07:30 with {@link #BACKUP} behind.
 */
public final class FakePolicyService {

    public static final String OFFICER = "198001012000011001";
    public static final String ONCALL = "198001012000011002";
    public static final String BACKUP = "198001012000011003";
    public static final String SUB_OFFICER = "198001012000011004";
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalTime START = LocalTime.of(7, 30);
    static final LocalTime END = LocalTime.of(16, 0);


    private final Map<String, Officer> officers = new TreeMap<>();
    private final Set<String> leave = ConcurrentHashMap.newKeySet();
    volatile FaultMode mode = FaultMode.NORMAL;
    volatile Duration stall = Duration.ofSeconds(3);
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The x-request-id metadata of every call received ("" when absent). */
    final List<String> requestIds = new CopyOnWriteArrayList<>();
    private Server server;
    private int port;

    public FakePolicyService() {
        officer(OFFICER, "Siti Rahma", "u1", ONCALL);
        officer(ONCALL, "Budi Santoso", "u1", null);
        officer(BACKUP, "Citra Dewi", "u1", null);
        officer(SUB_OFFICER, "Dedi Kurnia", "u2", null);
    }

    private void officer(String nip, String name, String unit, String manager) {
        Officer.Builder b = Officer.newBuilder().setName("officers/" + nip).setNip(nip).setDisplayName(name)
                .setUnit("units/" + unit).setTimeZone(WIB.getId());
        if (manager != null) {
            b.setManager("officers/" + manager);
        }
        officers.put(nip, b.build());
    }

    public synchronized FakePolicyService start() {
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
                    .addService(ServerInterceptors.intercept(new Officers(), recordAuth))
                    .addService(ServerInterceptors.intercept(new Schedules(), recordAuth))
                    .addService(ServerInterceptors.intercept(new Rosters(), recordAuth))
                    .addService(ServerInterceptors.intercept(new Units(), recordAuth))
                    .build().start();
            port = server.getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Down: nothing listens on the port any more (start() again brings it back on the same port). */
    public synchronized void stop() {
        server.shutdownNow();
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public void reset() {
        mode = FaultMode.NORMAL;
        leave.clear();
        authorizations.clear();
        requestIds.clear();
    }

    public void onLeave(String nip, LocalDate date) {
        leave.add(nip + "|" + date);
    }

    private boolean behave(StreamObserver<?> out) {
        return mode.behave(out, stall);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static LocalDate date(com.google.type.Date d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    static com.google.type.Date date(LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    /** The night slot of roster piket that starts on local date d. */
    static OnCallSlot night(LocalDate d) {
        return OnCallSlot.newBuilder().setRoster("rosters/piket")
                .setStartTime(ts(d.atTime(END).atZone(WIB).toInstant()))
                .setEndTime(ts(d.plusDays(1).atTime(START).atZone(WIB).toInstant()))
                .setPrimary("officers/" + ONCALL).setBackup("officers/" + BACKUP).build();
    }

    EffectiveSchedule schedule(String nip, LocalDate d) {
        EffectiveSchedule.Builder b = EffectiveSchedule.newBuilder().setOfficer("officers/" + nip).setDate(date(d))
                .setTimeZone(WIB.getId()).setUnit(officers.get(nip).getUnit());
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (leave.contains(nip + "|" + d)) {
            b.setWorking(false).setReason(ScheduleReason.SCHEDULE_REASON_LEAVE).setDescription("Cuti");
        } else if (weekend) {
            b.setWorking(false).setReason(ScheduleReason.SCHEDULE_REASON_WEEKEND);
        } else {
            b.setWorking(true).setReason(ScheduleReason.SCHEDULE_REASON_POSITION_DEFAULT)
                    .setPlace(WorkPlace.WORK_PLACE_OFFICE).addAllowedPlaces(WorkPlace.WORK_PLACE_OFFICE)
                    .setWork(window(d, START, END)).setCore(window(d, LocalTime.of(9, 0), LocalTime.of(15, 0)))
                    .setWorkMinutes(450);
        }
        if (nip.equals(ONCALL) || nip.equals(BACKUP)) {
            b.addOnCall(night(d.minusDays(1))).addOnCall(night(d));
        }
        return b.build();
    }

    private static LocalWindow window(LocalDate d, LocalTime s, LocalTime e) {
        return LocalWindow.newBuilder()
                .setStart(com.google.type.TimeOfDay.newBuilder().setHours(s.getHour()).setMinutes(s.getMinute()))
                .setEnd(com.google.type.TimeOfDay.newBuilder().setHours(e.getHour()).setMinutes(e.getMinute()))
                .setStartTime(ts(d.atTime(s).atZone(WIB).toInstant()))
                .setEndTime(ts(d.atTime(e).atZone(WIB).toInstant())).build();
    }

    private static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    final class Officers extends OfficerServiceGrpc.OfficerServiceImplBase {
        @Override
        public void getOfficer(GetOfficerRequest req, StreamObserver<Officer> out) {
            if (!behave(out)) {
                return;
            }
            Officer o = officers.get(strip(req.getName(), "officers/"));
            if (o == null) {
                out.onError(Status.NOT_FOUND.withDescription("no such officer").asRuntimeException());
                return;
            }
            out.onNext(o);
            out.onCompleted();
        }

        @Override
        public void listOfficers(ListOfficersRequest req, StreamObserver<ListOfficersResponse> out) {
            if (!behave(out)) {
                return;
            }
            out.onNext(ListOfficersResponse.newBuilder().addAllOfficers(officers.values().stream()
                    .filter(o -> o.getUnit().equals(req.getUnit())).toList()).build());
            out.onCompleted();
        }
    }

    final class Schedules extends ScheduleServiceGrpc.ScheduleServiceImplBase {
        @Override
        public void getEffectiveSchedule(GetEffectiveScheduleRequest req, StreamObserver<EffectiveSchedule> out) {
            if (!behave(out)) {
                return;
            }
            String nip = strip(req.getOfficer(), "officers/");
            if (!officers.containsKey(nip)) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(schedule(nip, date(req.getDate())));
            out.onCompleted();
        }

        @Override
        public void listEffectiveSchedules(ListEffectiveSchedulesRequest req,
                                           StreamObserver<ListEffectiveSchedulesResponse> out) {
            if (!behave(out)) {
                return;
            }
            String nip = strip(req.getOfficer(), "officers/");
            if (!officers.containsKey(nip)) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            ListEffectiveSchedulesResponse.Builder b = ListEffectiveSchedulesResponse.newBuilder();
            for (LocalDate d = date(req.getStartDate()); !d.isAfter(date(req.getEndDate())); d = d.plusDays(1)) {
                b.addSchedules(schedule(nip, d));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    final class Rosters extends RosterServiceGrpc.RosterServiceImplBase {
        @Override
        public void listRosters(ListRostersRequest req, StreamObserver<ListRostersResponse> out) {
            if (!behave(out)) {
                return;
            }
            ListRostersResponse.Builder b = ListRostersResponse.newBuilder();
            if (req.getUnit().equals("units/u1")) {
                b.addRosters(Roster.newBuilder().setName("rosters/piket").setDisplayName("Piket Pengaduan")
                        .setUnit("units/u1").setTurnHours(24).setMaxHoursPerWeek(56)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + ONCALL)
                                .setBackupOfficer("officers/" + BACKUP))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + BACKUP)));
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void listOnCallSlots(ListOnCallSlotsRequest req, StreamObserver<ListOnCallSlotsResponse> out) {
            if (!behave(out)) {
                return;
            }
            Instant t = Instant.ofEpochSecond(req.getTime().getSeconds(), req.getTime().getNanos());
            LocalDate d = t.atZone(WIB).toLocalDate();
            List<OnCallSlot> slots = new ArrayList<>();
            for (OnCallSlot s : List.of(night(d.minusDays(1)), night(d), night(d.plusDays(1)))) {
                if (s.getEndTime().getSeconds() > t.getEpochSecond()) {
                    slots.add(s);
                }
            }
            int n = Math.max(1, req.getPageSize());
            out.onNext(ListOnCallSlotsResponse.newBuilder().addAllSlots(slots.subList(0, Math.min(n, slots.size())))
                    .build());
            out.onCompleted();
        }
    }

    final class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void listUnits(ListUnitsRequest req, StreamObserver<ListUnitsResponse> out) {
            if (!behave(out)) {
                return;
            }
            ListUnitsResponse.Builder b = ListUnitsResponse.newBuilder();
            if (req.getParent().equals("units/u1")) {
                b.addUnits(Unit.newBuilder().setName("units/u2").setDisplayName("Seksi Pengaduan").setParent("units/u1")
                        .setTimeZone(WIB.getId()));
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }
}
