package io.jeda.bench;

import com.google.type.Date;
import com.google.type.DayOfWeek;
import com.google.type.LatLng;
import com.google.type.TimeOfDay;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.WorkPlace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The morning peak: N officers check in and out through the real gRPC API of attendance-service,
 * retrying on errors and time-outs with the same idempotency keys, for a fixed time. Afterwards the
 * attendance database is asked whether every acknowledged event is stored exactly once and nothing
 * is doubled. The database-alone insert rate and a bare gRPC echo are measured in the same run.
 *
 * <pre>
 * ./jeda up --mysql jdbc:mysql://127.0.0.1:3306            # in one terminal
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar checkin --clients 64 --seconds 10 --runs 3 --warmup 60
 *     [--server-pids ATTENDANCE_PID,DATABASE_PID]   # also print the CPU each call cost each of them
 * </pre>
 * The CPU per call (from {@code /proc/PID/stat}, per acknowledged call of the run) is the figure to
 * compare two builds by on a shared machine: it counts the cycles spent, not the time waited for a
 * core. The bench's own CPU per call is printed with it.
 */
final class CheckInLoad {

    private static final String DEV_SECRET = "jeda-development-secret-not-for-production-use-0001";
    private static final String MANAGER = "198001012005011999";
    private static final double LAT = -6.1754;
    private static final double LON = 106.8272;

    private CheckInLoad() {
    }

    static void run(Map<String, String> opt) throws Exception {
        int clients = Bench.intOpt(opt, "clients", 64);
        double seconds = Bench.doubleOpt(opt, "seconds", 15);
        int runs = Bench.intOpt(opt, "runs", 3);
        String policyTarget = opt.getOrDefault("policy", "127.0.0.1:50061");
        String attendanceTarget = opt.getOrDefault("attendance", "127.0.0.1:50062");
        String dbUrl = opt.getOrDefault("db", "jdbc:mysql://127.0.0.1:3306");
        String attendanceDb = opt.getOrDefault("attendance-db", "jeda_attendance");
        String user = opt.getOrDefault("db-user", "root");
        String password = opt.getOrDefault("db-password", "");
        TokenService tokens = new TokenService(System.getenv().getOrDefault("JEDA_JWT_SECRET", DEV_SECRET), "",
                "jeda", true);

        List<String> nips = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            nips.add(String.format("19900101201501%d%03d", 1, i + 1));
        }
        ManagedChannel policy = NettyChannelBuilder.forTarget(policyTarget).usePlaintext().build();
        ManagedChannel attendance = NettyChannelBuilder.forTarget(attendanceTarget).usePlaintext().directExecutor()
                .build();
        try {
            System.out.printf("setting up %d bench officers through policy-service at %s ...%n", clients, policyTarget);
            setUp(policy, tokens, nips);
            Map<String, CallCredentials> creds = new HashMap<>();
            for (String nip : nips) {
                creds.put(nip, BearerCredentials.of(tokens.mint(nip, Set.of(Role.OFFICER), Duration.ofHours(2))));
            }
            AttendanceServiceGrpc.AttendanceServiceBlockingStub stub = AttendanceServiceGrpc.newBlockingStub(attendance);
            AttendanceServiceGrpc.AttendanceServiceFutureStub async = AttendanceServiceGrpc.newFutureStub(attendance);
            for (String nip : nips) {
                closeOpen(stub.withCallCredentials(creds.get(nip)), nip);
            }

            // The services' JIT needs minutes of this very load before its numbers mean anything.
            double warmup = Bench.doubleOpt(opt, "warmup", 60);
            if (warmup > 0) {
                System.out.printf("warming up the services with %.0f s of check-ins (not counted) ...%n", warmup);
                boolean[] in = new boolean[clients];
                ClosedLoop.run(clients, warmup, (c, seq) -> {
                    String nip = nips.get(c);
                    boolean checkIn = !in[c];
                    in[c] = !in[c];
                    return send(async.withCallCredentials(creds.get(nip)), nip, c, checkIn,
                            "bench-warmup-" + UUID.randomUUID());
                });
                for (String nip : nips) {
                    closeOpen(stub.withCallCredentials(creds.get(nip)), nip);
                }
            }
            // --baselines false skips them, for quick A/B runs of two builds (no ratio is printed then).
            boolean baselines = Boolean.parseBoolean(opt.getOrDefault("baselines", "true"));
            double[] db = baselines ? Bench.dbRates(opt, runs, seconds) : new double[]{Double.NaN};
            double[] echo = baselines ? Bench.echoRates(runs, seconds, clients, Bench.doubleOpt(opt, "warmup", 60)) : new double[]{Double.NaN};
            double[] rates = new double[runs];
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            // --server-pids: each listed process's CPU per acknowledged call, run by run.
            List<ProcessCpu> servers = new ArrayList<>();
            List<String> serverPids = new ArrayList<>();
            for (String pid : opt.getOrDefault("server-pids", "").split(",")) {
                if (!pid.isBlank()) {
                    servers.add(ProcessCpu.of(pid.trim()));
                    serverPids.add(pid.trim());
                }
            }
            ProcessCpu self = ProcessCpu.of(ProcessHandle.current().pid());
            double[][] cpuPerCall = new double[servers.size() + 1][runs];
            long totalAcked = 0;
            long totalLost = 0;
            long totalDoubled = 0;
            long totalRetries = 0;
            for (int r = 0; r < runs; r++) {
                String runId = UUID.randomUUID().toString().substring(0, 8);
                Set<String> acked = ConcurrentHashMap.newKeySet();
                Set<String> attempted = ConcurrentHashMap.newKeySet();
                long[] retries = new long[clients];
                boolean[] checkedIn = new boolean[clients];
                long giveUpAfter = TimeUnit.SECONDS.toNanos(10);
                double[] cpu0 = new double[servers.size() + 1];
                for (int i = 0; i < servers.size(); i++) {
                    cpu0[i] = servers.get(i).seconds();
                }
                cpu0[servers.size()] = self.seconds();
                ClosedLoop.Result res = ClosedLoop.run(clients, seconds, (c, seq) -> {
                    String nip = nips.get(c);
                    String key = "bench-" + runId + "-" + c + "-" + seq;
                    attempted.add(key);
                    boolean in = !checkedIn[c];
                    SettableFuture<Object> done = SettableFuture.create();
                    attempt(async.withCallCredentials(creds.get(nip)), nip, c, in, key, System.nanoTime() + giveUpAfter,
                            retries, done, () -> {
                                acked.add(key);
                                checkedIn[c] = in;
                            }, reason -> {
                                // A refusal by a rule is an answer, not a loss; resynchronise the session state.
                                if ("ALREADY_CHECKED_IN".equals(reason)) {
                                    checkedIn[c] = true;
                                } else if ("NOT_CHECKED_IN".equals(reason)) {
                                    checkedIn[c] = false;
                                }
                            });
                    return done;
                });
                StringBuilder cpuNote = new StringBuilder();
                for (int i = 0; i <= servers.size(); i++) {
                    double now = i < servers.size() ? servers.get(i).seconds() : self.seconds();
                    cpuPerCall[i][r] = ProcessCpu.microsPerCall(cpu0[i], now, res.ok());
                    cpuNote.append(String.format("%s %s %.0f us", i == 0 ? "; CPU per call:" : ",",
                            i < servers.size() ? "pid " + serverPids.get(i) : "bench", cpuPerCall[i][r]));
                }
                rates[r] = res.rate();
                p50[r] = res.p50();
                p99[r] = res.p99();
                long runRetries = java.util.Arrays.stream(retries).sum();
                long[] verdict = verify(dbUrl + "/" + attendanceDb, user, password, runId, acked, attempted);
                totalAcked += acked.size();
                totalLost += verdict[0];
                totalDoubled += verdict[1];
                totalRetries += runRetries;
                System.out.printf("  check-in run %d: %.0f calls/s (check-in + check-out), p50 %.2f ms, p99 %.2f ms, "
                                + "%d refused, %d retries; acknowledged %d, stored %d, lost %d, doubled %d%s%n",
                        r + 1, res.rate(), res.p50(), res.p99(), res.failed(), runRetries, acked.size(), verdict[2],
                        verdict[0], verdict[1], cpuNote);
                for (int c = 0; c < clients; c++) {
                    if (checkedIn[c]) {
                        closeOpen(stub.withCallCredentials(creds.get(nips.get(c))), nips.get(c));
                        checkedIn[c] = false;
                    }
                }
            }
            double dbMedian = Stats.median(db);
            double echoMedian = Stats.median(echo);
            double rateMedian = Stats.median(rates);
            System.out.println();
            System.out.printf("RESULT (median of %d runs, %d clients, %.0f s each)%n", runs, clients, seconds);
            System.out.printf("  database alone:       %8.0f durable inserts/s (16 clients)%n", dbMedian);
            System.out.printf("  bare gRPC echo:       %8.0f calls/s%n", echoMedian);
            System.out.printf("  check-in/out via API: %8.0f calls/s  p50 %.2f ms  p99 %.2f ms%n", rateMedian,
                    Stats.median(p50), Stats.median(p99));
            System.out.printf("  ratio to database alone: %.2f; ratio to bare echo: %.2f%n", rateMedian / dbMedian,
                    rateMedian / echoMedian);
            for (int i = 0; i <= servers.size(); i++) {
                System.out.printf("  CPU per call, %s: %.0f us (median)%n",
                        i < servers.size() ? "pid " + serverPids.get(i) : "bench client", Stats.median(cpuPerCall[i]));
            }
            System.out.printf("  verify: %d acknowledged, %d lost, %d doubled, %d retries%n", totalAcked, totalLost,
                    totalDoubled, totalRetries);
            if (totalLost > 0 || totalDoubled > 0) {
                System.exit(1);
            }
        } finally {
            policy.shutdownNow();
            attendance.shutdownNow();
        }
    }

    /** One check-in or check-out, with a 5 s deadline. */
    private static ListenableFuture<?> send(AttendanceServiceGrpc.AttendanceServiceFutureStub stub, String nip, int c,
                                            boolean checkIn, String key) {
        var s = stub.withDeadlineAfter(5, TimeUnit.SECONDS);
        if (checkIn) {
            return s.checkIn(CheckInRequest.newBuilder().setOfficer("officers/" + nip)
                    .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE).setDeviceTime(now())
                    .setPosition(position()).setDeviceId("bench-" + c).setIdempotencyKey(key).build());
        }
        return s.checkOut(CheckOutRequest.newBuilder().setOfficer("officers/" + nip)
                .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE).setDeviceTime(now())
                .setPosition(position()).setDeviceId("bench-" + c).setIdempotencyKey(key).build());
    }

    /**
     * Sends the call and, on an error worth retrying (unavailable, deadline, overload, internal),
     * sends it again with the same idempotency key until {@code giveUpAt}; completes {@code done}
     * with the outcome, after running {@code onAck} or (for a final refusal) {@code onRefusal}.
     */
    private static void attempt(AttendanceServiceGrpc.AttendanceServiceFutureStub stub, String nip, int c,
                                boolean checkIn, String key, long giveUpAt, long[] retries,
                                SettableFuture<Object> done, Runnable onAck,
                                java.util.function.Consumer<String> onRefusal) {
        ListenableFuture<?> f = send(stub.withDeadlineAfter(2, TimeUnit.SECONDS), nip, c, checkIn, key);
        Futures.addCallback(f, new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object result) {
                onAck.run();
                done.set(result);
            }

            @Override
            public void onFailure(Throwable t) {
                Status.Code code = Status.fromThrowable(t).getCode();
                boolean retryable = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.INTERNAL
                        || code == Status.Code.UNKNOWN;
                if (retryable && System.nanoTime() < giveUpAt) {
                    retries[c]++;
                    attempt(stub, nip, c, checkIn, key, giveUpAt, retries, done, onAck, onRefusal);
                    return;
                }
                if (t instanceof StatusRuntimeException e) {
                    onRefusal.accept(GrpcErrors.reason(e));
                }
                done.setException(t);
            }
        }, MoreExecutors.directExecutor());
    }

    /** @return lost (acknowledged but not stored), doubled (a key stored more than once), stored */
    private static long[] verify(String url, String user, String password, String runId, Set<String> acked,
                                 Set<String> attempted) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, COUNT(*) FROM attendance_event "
                     + "WHERE idempotency_key LIKE ? GROUP BY idempotency_key")) {
            ps.setString(1, "bench-" + runId + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        long lost = acked.stream().filter(k -> !stored.containsKey(k)).count();
        long doubled = stored.values().stream().filter(n -> n > 1).count();
        long strays = stored.keySet().stream().filter(k -> !attempted.contains(k)).count();
        if (strays > 0) {
            throw new IllegalStateException(strays + " stored keys were never sent");
        }
        return new long[]{lost, doubled, stored.size()};
    }

    private static void closeOpen(AttendanceServiceGrpc.AttendanceServiceBlockingStub stub, String nip) {
        try {
            stub.withDeadlineAfter(5, TimeUnit.SECONDS).checkOut(CheckOutRequest.newBuilder()
                    .setOfficer("officers/" + nip).setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                    .setDeviceTime(now()).setPosition(position()).setDeviceId("bench")
                    .setIdempotencyKey("bench-close-" + UUID.randomUUID()).build());
        } catch (StatusRuntimeException e) {
            if (!"NOT_CHECKED_IN".equals(GrpcErrors.reason(e))) {
                throw e;
            }
        }
    }

    /** Creates the bench unit, position, manager and officers with approved 7-day shift plans; idempotent. */
    private static void setUp(ManagedChannel policy, TokenService tokens, List<String> nips) {
        CallCredentials admin = BearerCredentials.of(tokens.mint("bench-admin", Set.of(Role.ADMIN), io.jeda.common.security.Caller.NATIONAL, Duration.ofHours(1)));
        CallCredentials manager = BearerCredentials.of(tokens.mint(MANAGER, Set.of(Role.MANAGER, Role.OFFICER), Duration.ofHours(1)));
        ignoreExisting(() -> UnitServiceGrpc.newBlockingStub(policy).withCallCredentials(admin).createUnit(
                CreateUnitRequest.newBuilder().setUnitId("bench-unit").setUnit(Unit.newBuilder()
                        .setDisplayName("Bench unit").setTimeZone("Asia/Jakarta")
                        .addOffices(Office.newBuilder().setId("main").setDisplayName("Bench office")
                                .setGeofence(Geofence.newBuilder().setCenter(LatLng.newBuilder().setLatitude(LAT)
                                        .setLongitude(LON)).setRadiusMeters(300)))).build()));
        ignoreExisting(() -> PositionServiceGrpc.newBlockingStub(policy).withCallCredentials(admin).createPosition(
                CreatePositionRequest.newBuilder().setPositionId("bench-shift").setPosition(Position.newBuilder()
                        .setDisplayName("Bench shift officer").setFwaEligible(true)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_SHIFT).setDailyWorkMinutes(480)).build()));
        ignoreExisting(() -> OfficerServiceGrpc.newBlockingStub(policy).withCallCredentials(admin).createOfficer(
                CreateOfficerRequest.newBuilder().setOfficer(Officer.newBuilder().setNip(MANAGER)
                        .setDisplayName("Bench manager").setUnit("units/bench-unit")
                        .setPosition("positions/bench-shift")).build()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (String nip : nips) {
            ignoreExisting(() -> OfficerServiceGrpc.newBlockingStub(policy).withCallCredentials(admin).createOfficer(
                    CreateOfficerRequest.newBuilder().setOfficer(Officer.newBuilder().setNip(nip)
                            .setDisplayName("Bench officer " + nip.substring(15)).setUnit("units/bench-unit")
                            .setPosition("positions/bench-shift").setManager("officers/" + MANAGER)).build()));
            CallCredentials self = BearerCredentials.of(tokens.mint(nip, Set.of(Role.OFFICER), Duration.ofHours(1)));
            Plan.Builder plan = Plan.newBuilder().setStartDate(date(today.minusDays(1)))
                    .setEndDate(date(today.plusDays(60)));
            for (int d = 1; d <= 7; d++) {
                plan.addDays(PlanDay.newBuilder().setDayOfWeek(DayOfWeek.forNumber(d))
                        .setPlace(WorkPlace.WORK_PLACE_OFFICE).setStartTime(TimeOfDay.newBuilder().setHours(7)));
            }
            Plan created = PlanServiceGrpc.newBlockingStub(policy).withCallCredentials(self).createPlan(
                    CreatePlanRequest.newBuilder().setParent("officers/" + nip).setPlan(plan)
                            .setRequestId("bench-plan-" + today).build());
            ignoreExisting(() -> PlanServiceGrpc.newBlockingStub(policy).withCallCredentials(self)
                    .submitPlan(SubmitPlanRequest.newBuilder().setName(created.getName()).build()));
            ignoreExisting(() -> PlanServiceGrpc.newBlockingStub(policy).withCallCredentials(manager)
                    .approvePlan(ApprovePlanRequest.newBuilder().setName(created.getName()).build()));
        }
    }

    private static void ignoreExisting(Runnable r) {
        try {
            r.run();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code != Status.Code.ALREADY_EXISTS && code != Status.Code.FAILED_PRECONDITION) {
                throw e;
            }
        }
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    private static com.google.protobuf.Timestamp now() {
        Instant i = Instant.now();
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static DevicePosition position() {
        return DevicePosition.newBuilder().setLatitude(LAT + 0.0002).setLongitude(LON).setAccuracyMeters(15).build();
    }
}
