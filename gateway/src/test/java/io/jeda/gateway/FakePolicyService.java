package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.jeda.policy.v1.SubmitPlanRequest;
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
import java.util.concurrent.atomic.AtomicInteger;

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
    /** The method of every officer, schedule, roster and unit call received, oldest first. */
    final List<String> methods = new CopyOnWriteArrayList<>();
    /** The x-request-id metadata of every call received ("" when absent). */
    final List<String> requestIds = new CopyOnWriteArrayList<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, String> planRequests = new ConcurrentHashMap<>();
    private final Map<String, DayException> exceptions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Server server;
    /** Leave, travel and swap requests (StaffRequestService). */
    public final FakeStaffRequests staffRequests = new FakeStaffRequests(this);
    private int port;
    /** The admin methods this fake does not implement itself, answered and recorded generically. */
    final AdminAnswers admin = new AdminAnswers(java.util.Set.of("jeda.policy.v1.OfficerService/GetOfficer",
            "jeda.policy.v1.OfficerService/ListOfficers", "jeda.policy.v1.RosterService/ListRosters",
            "jeda.policy.v1.RosterService/ListOnCallSlots", "jeda.policy.v1.UnitService/ListUnits",
            "jeda.policy.v1.PositionService/GetPosition", "jeda.policy.v1.RosterService/GetRoster"),
            List.of(io.jeda.policy.v1.CalendarServiceGrpc.getServiceDescriptor(),
                    io.jeda.policy.v1.AdminChangeServiceGrpc.getServiceDescriptor(),
                    io.jeda.policy.v1.ImportServiceGrpc.getServiceDescriptor()));

    public FakePolicyService() {
        officer(OFFICER, "Siti Rahma", "u1", ONCALL);
        officers.put(OFFICER, officers.get(OFFICER).toBuilder().setPosition("positions/analis").build());
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
            ServerInterceptor recordAuth = FakeCallers.recording(authorizations, requestIds);
            ServerInterceptor recordMethod = new ServerInterceptor() {
                @Override
                public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
                        io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                    methods.add(call.getMethodDescriptor().getBareMethodName());
                    return next.startCall(call, headers);
                }
            };
            server = ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(new Officers(), admin, recordAuth, recordMethod))
                    .addService(ServerInterceptors.intercept(new Schedules(), recordAuth, recordMethod))
                    .addService(ServerInterceptors.intercept(new Rosters(), admin, recordAuth, recordMethod))
                    .addService(ServerInterceptors.intercept(new Units(), admin, recordAuth, recordMethod))
                    .addService(ServerInterceptors.intercept(new Positions(), admin, recordAuth))
                    .fallbackHandlerRegistry(admin.registry())
                    .addService(ServerInterceptors.intercept(new Plans(), recordAuth))
                    .addService(changes)
                    .addService(ServerInterceptors.intercept(staffRequests, recordAuth))
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
        stall = Duration.ofSeconds(3);
        leave.clear();
        authorizations.clear();
        methods.clear();
        requestIds.clear();
        plans.clear();
        planRequests.clear();
        exceptions.clear();
        changes.from.clear();
        admin.reset();
        staffRequests.reset();
    }

    /** Switches between answering, stalling and failing. */
    public void mode(FaultMode m) {
        mode = m;
    }

    /** The authorization metadata of every call since the last reset, oldest first. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Stores a plan of the officer in the given state (Mondays at home, the rest at the office); its id. */
    public String seedPlan(String nip, PlanState state) {
        String id = "p" + ids.incrementAndGet();
        plans.put(id, Plan.newBuilder().setName("plans/" + id).setOfficer("officers/" + nip)
                .setStartDate(date(LocalDate.of(2026, 12, 1))).setEndDate(date(LocalDate.of(2027, 5, 31)))
                .addDays(PlanDay.newBuilder().setDayOfWeek(com.google.type.DayOfWeek.MONDAY)
                        .setPlace(WorkPlace.WORK_PLACE_HOME))
                .setState(state).setNote("seeded").build());
        return id;
    }

    /** Stores a SUBMITTED one-day exception of the officer; its id. */
    public String seedDayException(String nip) {
        String id = "x" + ids.incrementAndGet();
        exceptions.put(id, DayException.newBuilder().setName("dayExceptions/" + id).setOfficer("officers/" + nip)
                .setDate(date(LocalDate.of(2026, 12, 3))).setPlace(WorkPlace.WORK_PLACE_HOME)
                .setState(PlanState.PLAN_STATE_SUBMITTED).setNote("seeded").build());
        return id;
    }

    /** The stored plan, as the service holds it now. */
    public Plan plan(String id) {
        return plans.get(id);
    }

    public void onLeave(String nip, LocalDate date) {
        leave.add(nip + "|" + date);
    }

    /** The change feed: every open WatchChanges stream, and the sequence of the last change sent. */
    final Changes changes = new Changes();

    /** Sends a change of one officer on every open change feed stream, as policy-service does after a commit. */
    public void officerChanged(String nip, String resource) {
        changes.send(io.jeda.policy.v1.Change.newBuilder().setScope(io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_OFFICER)
                .setOfficer("officers/" + nip).setResource(resource));
    }

    /** The after_sequence of every WatchChanges call since the last reset. */
    public List<Long> watchedFrom() {
        return List.copyOf(changes.from);
    }

    /** Open change feed streams (a gateway follows the feed while it runs). */
    public int changeStreams() {
        return changes.streams.size();
    }

    final class Changes extends io.jeda.policy.v1.ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {
        final List<StreamObserver<io.jeda.policy.v1.WatchChangesResponse>> streams = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong(100);
        final List<Long> from = new CopyOnWriteArrayList<>();

        @Override
        public void watchChanges(io.jeda.policy.v1.WatchChangesRequest req,
                                 StreamObserver<io.jeda.policy.v1.WatchChangesResponse> out) {
            var stream = (io.grpc.stub.ServerCallStreamObserver<io.jeda.policy.v1.WatchChangesResponse>) out;
            stream.setOnCancelHandler(() -> streams.remove(out));
            from.add(req.getAfterSequence());
            synchronized (this) {
                out.onNext(io.jeda.policy.v1.WatchChangesResponse.newBuilder().setHeartbeat(
                        io.jeda.policy.v1.Heartbeat.newBuilder().setSequence(sequence.get())).build());
                streams.add(out);
            }
        }

        synchronized void send(io.jeda.policy.v1.Change.Builder c) {
            c.setSequence(sequence.incrementAndGet()).setChangeTime(ts(Instant.now()));
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
        } else if (homeByPlan(nip, d)) {
            b.setWorking(true).setReason(ScheduleReason.SCHEDULE_REASON_PLAN)
                    .setPlace(WorkPlace.WORK_PLACE_HOME).addAllowedPlaces(WorkPlace.WORK_PLACE_HOME)
                    .setWork(window(d, START, END)).setCore(window(d, LocalTime.of(9, 0), LocalTime.of(15, 0)))
                    .setWorkMinutes(450);
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

    /** True when an APPROVED plan of the officer has the date's weekday at home. */
    private boolean homeByPlan(String nip, LocalDate d) {
        for (Plan p : plans.values()) {
            if (p.getState() == PlanState.PLAN_STATE_APPROVED && p.getOfficer().equals("officers/" + nip)
                    && !d.isBefore(date(p.getStartDate())) && !d.isAfter(date(p.getEndDate()))) {
                for (PlanDay day : p.getDaysList()) {
                    if (day.getDayOfWeek().getNumber() == d.getDayOfWeek().getValue()
                            && day.getPlace() == WorkPlace.WORK_PLACE_HOME) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    /** Applies the fault mode, then does the work; a JedaException becomes the refusal the real service gives. */
    private void serve(StreamObserver<?> out, Runnable work) {
        if (behave(out)) {
            guard(out, work);
        }
    }

    /**
     * {@link #serve} for a read of one officer's data: NOT_FOUND for an unknown officer, the
     * caller checked as policy-service checks a reader, then the work with the officer's NIP.
     */
    private void serveReader(StreamObserver<?> out, String officerName, java.util.function.Consumer<String> work) {
        if (!behave(out)) {
            return;
        }
        String nip = strip(officerName, "officers/");
        if (!officers.containsKey(nip)) {
            out.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        guard(out, () -> {
            requireReader(FakeCallers.caller(), nip);
            work.accept(nip);
        });
    }

    private static void guard(StreamObserver<?> out, Runnable work) {
        try {
            work.run();
        } catch (JedaException e) {
            FakeCallers.fail(out, "policy-service", e);
        }
    }

    private boolean isManagerOf(Caller c, String nip) {
        Officer o = officers.get(nip);
        return o != null && !o.getManager().isEmpty() && c.isOfficer(strip(o.getManager(), "officers/"));
    }

    /** Like policy-service: the officer, their direct manager, ADMIN and SERVICE may read. */
    private void requireReader(Caller c, String nip) {
        if (!c.isPrivileged() && !c.isOfficer(nip) && !isManagerOf(c, nip)) {
            throw JedaException.permissionDenied("NOT_OWNER_OR_MANAGER", "only the officer and their manager may read this",
                    "subject", c.subject(), "officer", "officers/" + nip);
        }
    }

    private Officer existing(String name) {
        Officer o = officers.get(strip(name, "officers/"));
        if (o == null) {
            throw JedaException.notFound("officer", name);
        }
        return o;
    }

    private static void requireOwner(Caller c, String nip) {
        if (!c.isOfficer(nip)) {
            throw JedaException.permissionDenied("NOT_OWNER", "only officer " + nip + " may do this",
                    "subject", c.subject(), "officer", "officers/" + nip);
        }
    }

    private void requireDecider(Caller c, String nip) {
        if (!c.isAdmin() && !isManagerOf(c, nip)) {
            throw JedaException.permissionDenied("NOT_MANAGER", "only the direct manager of officer " + nip
                    + " may decide", "subject", c.subject(), "officer", "officers/" + nip);
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw JedaException.invalidArgument("REASON_REQUIRED", "a reason is required", "field", "reason");
        }
        return reason.strip();
    }

    private static JedaException illegal(String name, PlanState from, PlanState to) {
        return JedaException.of(ErrorKind.FAILED_PRECONDITION, "ILLEGAL_TRANSITION",
                name + " cannot go from " + from + " to " + to, "from", from.name(), "to", to.name(), "name", name);
    }

    /**
     * The plan and exception life cycle of policy-service with its access rules: the owner creates and
     * submits, the direct manager decides, {@code officers/-} lists the calling manager's reports. Its
     * one policy rule: at most two days at home a week.
     */
    final class Plans extends PlanServiceGrpc.PlanServiceImplBase {
        @Override
        public void createPlan(CreatePlanRequest req, StreamObserver<Plan> out) {
            serve(out, () -> {
                Caller c = FakeCallers.caller();
                Officer o = existing(req.getParent());
                requireOwner(c, o.getNip());
                List<Violation> missing = new ArrayList<>();
                if (!req.getPlan().hasStartDate()) {
                    missing.add(new Violation("FIELD_REQUIRED", "plan.start_date", "start_date is required"));
                }
                if (!req.getPlan().hasEndDate()) {
                    missing.add(new Violation("FIELD_REQUIRED", "plan.end_date", "end_date is required"));
                }
                if (req.getPlan().getDaysCount() == 0) {
                    missing.add(new Violation("FIELD_REQUIRED", "plan.days", "days are required"));
                }
                if (!missing.isEmpty()) {
                    throw JedaException.violations(ErrorKind.INVALID_ARGUMENT, "INVALID_PLAN",
                            "the plan is incomplete", missing);
                }
                if (req.getValidateOnly()) {
                    // As policy-service: checked as a submission would be, nothing stored, no name.
                    requireWithinRules(req.getPlan());
                    out.onNext(req.getPlan().toBuilder().clearName().setOfficer("officers/" + o.getNip())
                            .setState(PlanState.PLAN_STATE_DRAFT).build());
                    out.onCompleted();
                    return;
                }
                String key = o.getNip() + "|" + req.getRequestId();
                String prior = req.getRequestId().isEmpty() ? null : planRequests.get(key);
                if (prior != null) {
                    out.onNext(plans.get(prior));
                    out.onCompleted();
                    return;
                }
                String id = "p" + ids.incrementAndGet();
                Plan p = req.getPlan().toBuilder().setName("plans/" + id).setOfficer("officers/" + o.getNip())
                        .setState(PlanState.PLAN_STATE_DRAFT).clearDecisionReason().build();
                plans.put(id, p);
                if (!req.getRequestId().isEmpty()) {
                    planRequests.put(key, id);
                }
                out.onNext(p);
                out.onCompleted();
            });
        }

        private Plan plan(String name) {
            Plan p = plans.get(strip(name, "plans/"));
            if (p == null) {
                throw JedaException.notFound("plan", name);
            }
            return p;
        }

        @Override
        public void getPlan(GetPlanRequest req, StreamObserver<Plan> out) {
            serve(out, () -> {
                Plan p = plan(req.getName());
                requireReader(FakeCallers.caller(), strip(p.getOfficer(), "officers/"));
                out.onNext(p);
                out.onCompleted();
            });
        }

        @Override
        public void listPlans(ListPlansRequest req, StreamObserver<ListPlansResponse> out) {
            serve(out, () -> {
                Caller c = FakeCallers.caller();
                List<Plan> found = new ArrayList<>();
                for (Plan p : plans.values()) {
                    String owner = strip(p.getOfficer(), "officers/");
                    boolean mine = req.getParent().equals("officers/-") ? isManagerOf(c, owner)
                            : req.getParent().equals(p.getOfficer());
                    if (mine && (req.getState() == PlanState.PLAN_STATE_UNSPECIFIED || req.getState() == p.getState())) {
                        found.add(p);
                    }
                }
                if (!req.getParent().equals("officers/-")) {
                    requireReader(c, existing(req.getParent()).getNip());
                }
                found.sort((a, b) -> b.getName().compareTo(a.getName()));
                out.onNext(ListPlansResponse.newBuilder().addAllPlans(found).build());
                out.onCompleted();
            });
        }

        /** The one FWA rule this fake knows: at most two days at home a week. */
        private static void requireWithinRules(Plan p) {
            long home = p.getDaysList().stream().filter(d -> d.getPlace() == WorkPlace.WORK_PLACE_HOME).count();
            if (home > 2) {
                throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY",
                        "the plan breaks the position's FWA rules", List.of(new Violation("REMOTE_DAYS_EXCEEDED",
                                "days", home + " remote days a week; at most 2 are allowed")));
            }
        }

        @Override
        public void submitPlan(SubmitPlanRequest req, StreamObserver<Plan> out) {
            serve(out, () -> {
                Plan p = plan(req.getName());
                requireOwner(FakeCallers.caller(), strip(p.getOfficer(), "officers/"));
                if (p.getState() != PlanState.PLAN_STATE_DRAFT) {
                    throw illegal(p.getName(), p.getState(), PlanState.PLAN_STATE_SUBMITTED);
                }
                requireWithinRules(p);
                out.onNext(move(p, PlanState.PLAN_STATE_SUBMITTED, ""));
                out.onCompleted();
            });
        }

        @Override
        public void approvePlan(ApprovePlanRequest req, StreamObserver<Plan> out) {
            serve(out, () -> {
                Plan p = plan(req.getName());
                requireDecider(FakeCallers.caller(), strip(p.getOfficer(), "officers/"));
                if (p.getState() != PlanState.PLAN_STATE_SUBMITTED) {
                    throw illegal(p.getName(), p.getState(), PlanState.PLAN_STATE_APPROVED);
                }
                Plan approved = move(p, PlanState.PLAN_STATE_APPROVED, "");
                officerChanged(strip(p.getOfficer(), "officers/"), p.getName());
                out.onNext(approved);
                out.onCompleted();
            });
        }

        @Override
        public void rejectPlan(RejectPlanRequest req, StreamObserver<Plan> out) {
            serve(out, () -> {
                Plan p = plan(req.getName());
                requireDecider(FakeCallers.caller(), strip(p.getOfficer(), "officers/"));
                String why = reason(req.getReason());
                if (p.getState() != PlanState.PLAN_STATE_SUBMITTED) {
                    throw illegal(p.getName(), p.getState(), PlanState.PLAN_STATE_REJECTED);
                }
                out.onNext(move(p, PlanState.PLAN_STATE_REJECTED, why));
                out.onCompleted();
            });
        }

        private Plan move(Plan p, PlanState to, String why) {
            Plan moved = p.toBuilder().setState(to).setDecisionReason(why).build();
            plans.put(strip(p.getName(), "plans/"), moved);
            return moved;
        }

        @Override
        public void createDayException(CreateDayExceptionRequest req, StreamObserver<DayException> out) {
            serve(out, () -> {
                Officer o = existing(req.getParent());
                requireOwner(FakeCallers.caller(), o.getNip());
                if (!req.getDayException().hasDate()) {
                    throw JedaException.invalidField("day_exception.date", "date is required");
                }
                if (req.getValidateOnly()) {
                    out.onNext(req.getDayException().toBuilder().clearName().setOfficer("officers/" + o.getNip())
                            .setState(PlanState.PLAN_STATE_SUBMITTED).build());
                    out.onCompleted();
                    return;
                }
                String id = "x" + ids.incrementAndGet();
                DayException e = req.getDayException().toBuilder().setName("dayExceptions/" + id)
                        .setOfficer("officers/" + o.getNip()).setState(PlanState.PLAN_STATE_SUBMITTED).build();
                exceptions.put(id, e);
                out.onNext(e);
                out.onCompleted();
            });
        }

        @Override
        public void listDayExceptions(ListDayExceptionsRequest req, StreamObserver<ListDayExceptionsResponse> out) {
            serve(out, () -> {
                Caller c = FakeCallers.caller();
                if (!req.getParent().equals("officers/-")) {
                    requireReader(c, existing(req.getParent()).getNip());
                }
                List<DayException> found = new ArrayList<>();
                for (DayException e : exceptions.values()) {
                    String owner = strip(e.getOfficer(), "officers/");
                    boolean mine = req.getParent().equals("officers/-") ? isManagerOf(c, owner)
                            : req.getParent().equals(e.getOfficer());
                    if (mine && (req.getState() == PlanState.PLAN_STATE_UNSPECIFIED || req.getState() == e.getState())) {
                        found.add(e);
                    }
                }
                out.onNext(ListDayExceptionsResponse.newBuilder().addAllDayExceptions(found).build());
                out.onCompleted();
            });
        }

        private DayException exception(String name) {
            DayException e = exceptions.get(strip(name, "dayExceptions/"));
            if (e == null) {
                throw JedaException.notFound("day_exception", name);
            }
            return e;
        }

        @Override
        public void approveDayException(ApproveDayExceptionRequest req, StreamObserver<DayException> out) {
            serve(out, () -> {
                DayException e = exception(req.getName());
                requireDecider(FakeCallers.caller(), strip(e.getOfficer(), "officers/"));
                if (e.getState() != PlanState.PLAN_STATE_SUBMITTED) {
                    throw illegal(e.getName(), e.getState(), PlanState.PLAN_STATE_APPROVED);
                }
                DayException d = e.toBuilder().setState(PlanState.PLAN_STATE_APPROVED).build();
                exceptions.put(strip(e.getName(), "dayExceptions/"), d);
                out.onNext(d);
                out.onCompleted();
            });
        }

        @Override
        public void rejectDayException(RejectDayExceptionRequest req, StreamObserver<DayException> out) {
            serve(out, () -> {
                DayException e = exception(req.getName());
                requireDecider(FakeCallers.caller(), strip(e.getOfficer(), "officers/"));
                String why = reason(req.getReason());
                if (e.getState() != PlanState.PLAN_STATE_SUBMITTED) {
                    throw illegal(e.getName(), e.getState(), PlanState.PLAN_STATE_REJECTED);
                }
                DayException d = e.toBuilder().setState(PlanState.PLAN_STATE_REJECTED).setDecisionReason(why).build();
                exceptions.put(strip(e.getName(), "dayExceptions/"), d);
                out.onNext(d);
                out.onCompleted();
            });
        }
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
            serve(out, () -> {
                FakeCallers.caller().requireAny(Role.OFFICER, Role.MANAGER);
                out.onNext(ListOfficersResponse.newBuilder().addAllOfficers(officers.values().stream()
                        .filter(o -> req.getUnit().isEmpty() || o.getUnit().equals(req.getUnit()))
                        .filter(o -> req.getManager().isEmpty() || o.getManager().equals(req.getManager()))
                        .toList()).build());
                out.onCompleted();
            });
        }
    }

    final class Schedules extends ScheduleServiceGrpc.ScheduleServiceImplBase {
        @Override
        public void getEffectiveSchedule(GetEffectiveScheduleRequest req, StreamObserver<EffectiveSchedule> out) {
            serveReader(out, req.getOfficer(), nip -> {
                LocalDate d = req.hasDate() ? date(req.getDate()) : LocalDate.now(WIB);
                out.onNext(schedule(nip, d));
                out.onCompleted();
            });
        }

        @Override
        public void listEffectiveSchedules(ListEffectiveSchedulesRequest req,
                                           StreamObserver<ListEffectiveSchedulesResponse> out) {
            serveReader(out, req.getOfficer(), nip -> {
                LocalDate from = date(req.getStartDate());
                LocalDate to = date(req.getEndDate());
                if (to.isBefore(from) || to.isAfter(from.plusDays(30))) {
                    throw JedaException.invalidArgument("INVALID_DATE_RANGE",
                            "end_date must be 0 to 30 days after start_date", "field", "end_date");
                }
                ListEffectiveSchedulesResponse.Builder b = ListEffectiveSchedulesResponse.newBuilder();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    b.addSchedules(schedule(nip, d));
                }
                out.onNext(b.build());
                out.onCompleted();
            });
        }

        @Override
        public void getOfficerSchedules(io.jeda.policy.v1.GetOfficerSchedulesRequest req,
                                        StreamObserver<io.jeda.policy.v1.OfficerSchedules> out) {
            serveReader(out, req.getOfficer(), nip -> {
                Instant at = req.hasTime() ? Instant.ofEpochSecond(req.getTime().getSeconds()) : Instant.now();
                LocalDate today = at.atZone(WIB).toLocalDate();
                var b = io.jeda.policy.v1.OfficerSchedules.newBuilder().setOfficer(officers.get(nip));
                for (LocalDate d = today.minusDays(req.getDaysBefore()); !d.isAfter(today.plusDays(req.getDaysAfter()));
                     d = d.plusDays(1)) {
                    b.addSchedules(schedule(nip, d));
                }
                out.onNext(b.build());
                out.onCompleted();
            });
        }
    }

    final class Rosters extends RosterServiceGrpc.RosterServiceImplBase {
        @Override
        public void getRoster(io.jeda.policy.v1.GetRosterRequest req, StreamObserver<Roster> out) {
            if (!behave(out)) {
                return;
            }
            if (!req.getName().equals("rosters/piket")) {
                FakeCallers.fail(out, "policy-service", JedaException.notFound("roster", req.getName()));
                return;
            }
            out.onNext(Roster.newBuilder().setName("rosters/piket").setDisplayName("Piket Pengaduan").setUnit("units/u1")
                    .build());
            out.onCompleted();
        }

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

    /** One position, Siti's: an analyst with two home days a week. */
    final class Positions extends io.jeda.policy.v1.PositionServiceGrpc.PositionServiceImplBase {
        @Override
        public void getPosition(io.jeda.policy.v1.GetPositionRequest req, StreamObserver<io.jeda.policy.v1.Position> out) {
            if (!behave(out)) {
                return;
            }
            if (!req.getName().equals("positions/analis")) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            out.onNext(io.jeda.policy.v1.Position.newBuilder().setName("positions/analis").setDisplayName("Analis")
                    .setFwaEligible(true).addAllowedPlaces(WorkPlace.WORK_PLACE_OFFICE)
                    .addAllowedPlaces(WorkPlace.WORK_PLACE_HOME).setMaxRemoteDaysPerWeek(2)
                    .setWeeklyWorkMinutes(2250).build());
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
