package io.jeda.bench;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.grpc.Pages;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.OfficerServiceGrpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Reachability for agency systems: N clients ask the gateway's gRPC API about the officers of the
 * demo data, as one AGENCY client. After the first round every schedule and roster is cached, so this
 * measures the cache-hit path (engine, audit queue, rate limiter, gRPC), next to a bare gRPC echo
 * measured in the same run.
 *
 * <pre>
 * JEDA_GATEWAY_RATE=1000000 JEDA_GATEWAY_BURST=1000000 ./jeda up     # no rate limit for the bench client
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar reachability --clients 64 --seconds 10 --runs 3 --warmup 30 \
 *     [--server-pids GATEWAY_PID,DATABASE_PID]    # also print the CPU each answer cost them
 * </pre>
 */
final class ReachabilityLoad {

    static final String DEV_SECRET = "jeda-development-secret-not-for-production-use-0001";

    private ReachabilityLoad() {
    }

    static void run(Map<String, String> opt) throws Exception {
        int clients = Bench.intOpt(opt, "clients", 64);
        double seconds = Bench.doubleOpt(opt, "seconds", 10);
        int runs = Bench.intOpt(opt, "runs", 3);
        double warmup = Bench.doubleOpt(opt, "warmup", 30);
        String gatewayTarget = opt.getOrDefault("gateway", "127.0.0.1:50060");
        String policyTarget = opt.getOrDefault("policy", "127.0.0.1:50061");
        // A new random stream each command, so that a second run does not ask what the first cached.
        long salt = System.nanoTime();
        Urgency urgency = ProtoEnums.parse(Urgency.class, opt.getOrDefault("urgency", "URGENT"), "--urgency");
        TokenService tokens = new TokenService(System.getenv().getOrDefault("JEDA_JWT_SECRET", DEV_SECRET), "",
                "jeda", true);
        CallCredentials agency = BearerCredentials.of(tokens.mint("bench-agency", Set.of(Role.AGENCY), Duration.ofHours(2)));
        CallCredentials admin = BearerCredentials.of(tokens.mint("bench-admin", Set.of(Role.ADMIN), io.jeda.common.security.Caller.NATIONAL, Duration.ofHours(1)));
        ManagedChannel policy = NettyChannelBuilder.forTarget(policyTarget).usePlaintext().build();
        ManagedChannel gateway = NettyChannelBuilder.forTarget(gatewayTarget).usePlaintext().directExecutor().build();
        try {
            IntFunction<String> officer;
            int count;
            String label;
            if (opt.containsKey("spread")) {
                // Officers of the generated national dataset, spread evenly over it: questions drawn at
                // random from N distinct officers, so that with a large N most of them miss the caches.
                NationalShape shape = new NationalShape(Long.parseLong(opt.getOrDefault("officers", "4500000")),
                        Bench.intOpt(opt, "units-per-province", 15));
                count = (int) Math.min(Long.parseLong(opt.get("spread")), shape.officers);
                long step = shape.officers / count;
                officer = k -> "officers/" + shape.nip(k * step);
                label = "reachability (spread " + count + ")";
            } else {
                var officerStub = OfficerServiceGrpc.newBlockingStub(policy).withCallCredentials(admin);
                List<String> all = Pages.all(
                        token -> officerStub.listOfficers(ListOfficersRequest.newBuilder().setPageSize(500)
                                .setPageToken(token).build()),
                        ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken)
                        .stream().map(o -> o.getName()).toList();
                count = all.size();
                officer = all::get;
                label = "reachability (cache hit)";
            }
            int n = count;
            boolean spread = opt.containsKey("spread");
            System.out.printf("asking about %d officers, urgency %s, through %s%n", n, urgency, gatewayTarget);
            var stub = ReachabilityServiceGrpc.newFutureStub(gateway).withCallCredentials(agency);
            ClosedLoop.Call call = (c, seq) -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).getReachability(
                    GetReachabilityRequest.newBuilder()
                            .setOfficer(officer.apply(spread
                                    ? (int) (NationalShape.mix(((long) c << 40) + seq + salt) % n)
                                    : (int) ((c * 7919L + seq) % n)))
                            .setUrgency(urgency).build());
            if (warmup > 0) {
                ClosedLoop.Result w = ClosedLoop.run(clients, warmup, call);
                System.out.printf("warm-up (not counted): %.0f answers/s, %d failed%n", w.rate(), w.failed());
            }
            double[] echo = Bench.echoRates(runs, seconds, clients, warmup);
            // --server-pids: the processes that serve the answers (the gateway, and the database that
            // takes its audit rows), whose CPU per answer is printed beside the echo server's.
            ProcessCpu cpu = ProcessCpu.of(opt.get("server-pids"));
            double[] rates = new double[runs];
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            for (int r = 0; r < runs; r++) {
                double cpu0 = cpu.seconds();
                ClosedLoop.Result res = ClosedLoop.run(clients, seconds, call);
                rates[r] = res.rate();
                p50[r] = res.p50();
                p99[r] = res.p99();
                System.out.printf("  reachability run %d: %.0f answers/s, p50 %.2f ms, p99 %.2f ms, %d failed%s%n", r + 1,
                        res.rate(), res.p50(), res.p99(), res.failed(), cpu.measures()
                                ? String.format(", servers' CPU %.1f us/answer",
                                ProcessCpu.microsPerCall(cpu0, cpu.seconds(), res.ok()))
                                : "");
            }
            double rate = Stats.median(rates);
            double echoRate = Stats.median(echo);
            System.out.println();
            System.out.printf("RESULT (median of %d runs, %d clients, %.0f s each)%n", runs, clients, seconds);
            System.out.printf("  bare gRPC echo:           %8.0f calls/s%n", echoRate);
            System.out.printf("  %-25s %8.0f answers/s  p50 %.2f ms  p99 %.2f ms%n", label + ":", rate,
                    Stats.median(p50), Stats.median(p99));
            System.out.printf("  ratio to bare echo: %.2f%n", rate / echoRate);
        } finally {
            policy.shutdownNow();
            gateway.shutdownNow();
        }
    }
}
