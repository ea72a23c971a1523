package io.jeda.bench;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesRequest;
import io.jeda.policy.v1.ScheduleServiceGrpc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Effective schedules in batches, as the gateway and national systems ask for them: N clients each
 * ask policy-service for today's schedules of {@code --batch} officers (default 500, the API's limit)
 * drawn from the whole generated national dataset, so most officers are not in any cache. Prints
 * batches per second, p50 and p99 per batch, and the ratio to a bare gRPC echo measured in the same
 * command.
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar schedule-batch --officers 1000000 --clients 4 --seconds 10 --runs 3
 * </pre>
 */
final class ScheduleBatchLoad {

    private ScheduleBatchLoad() {
    }

    static void run(Map<String, String> opt) throws Exception {
        int clients = Bench.intOpt(opt, "clients", 4);
        double seconds = Bench.doubleOpt(opt, "seconds", 10);
        int runs = Bench.intOpt(opt, "runs", 3);
        double warmup = Bench.doubleOpt(opt, "warmup", 10);
        int batch = Bench.intOpt(opt, "batch", 500);
        NationalShape shape = new NationalShape(Long.parseLong(opt.getOrDefault("officers", "4500000")),
                Bench.intOpt(opt, "units-per-province", 15));
        String policyTarget = opt.getOrDefault("policy", "127.0.0.1:50061");
        TokenService tokens = new TokenService(System.getenv().getOrDefault("JEDA_JWT_SECRET",
                ReachabilityLoad.DEV_SECRET), "", "jeda", true);
        CallCredentials service = BearerCredentials.of(tokens.mint("bench-batch", Set.of(Role.SERVICE),
                Duration.ofHours(2)));
        ManagedChannel policy = NettyChannelBuilder.forTarget(policyTarget).usePlaintext().directExecutor()
                .maxInboundMessageSize(64 << 20).build();
        try {
            var stub = ScheduleServiceGrpc.newFutureStub(policy).withCallCredentials(service);
            System.out.printf("effective schedules of %d officers per call, drawn from %,d generated officers, via %s%n",
                    batch, shape.officers, policyTarget);
            ClosedLoop.Call call = (c, seq) -> {
                BatchGetEffectiveSchedulesRequest.Builder req = BatchGetEffectiveSchedulesRequest.newBuilder();
                long base = NationalShape.mix(((long) c << 40) + seq);
                for (int k = 0; k < batch; k++) {
                    req.addOfficers("officers/" + shape.nip(NationalShape.mix(base + k) % shape.officers));
                }
                return stub.withDeadlineAfter(10, TimeUnit.SECONDS).batchGetEffectiveSchedules(req.build());
            };
            if (warmup > 0) {
                ClosedLoop.Result w = ClosedLoop.run(clients, warmup, call);
                System.out.printf("warm-up (not counted): %.1f batches/s, %d failed%n", w.rate(), w.failed());
            }
            double[] echo = Bench.echoRates(runs, seconds, clients, Bench.doubleOpt(opt, "warmup", 30));
            double[] rates = new double[runs];
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            for (int r = 0; r < runs; r++) {
                ClosedLoop.Result res = ClosedLoop.run(clients, seconds, call);
                rates[r] = res.rate();
                p50[r] = res.p50();
                p99[r] = res.p99();
                System.out.printf("  schedule-batch run %d: %.1f batches/s (%.0f schedules/s), p50 %.2f ms, p99 %.2f ms, "
                        + "%d failed%n", r + 1, res.rate(), res.rate() * batch, res.p50(), res.p99(), res.failed());
            }
            double rate = Stats.median(rates);
            double echoRate = Stats.median(echo);
            System.out.println();
            System.out.printf("RESULT (median of %d runs, %d clients, %.0f s each)%n", runs, clients, seconds);
            System.out.printf("  bare gRPC echo:        %8.0f calls/s%n", echoRate);
            System.out.printf("  schedule batch of %d: %8.1f batches/s (%.0f schedules/s)  p50 %.2f ms  p99 %.2f ms%n",
                    batch, rate, rate * batch, Stats.median(p50), Stats.median(p99));
            System.out.printf("  ratio to bare echo (calls): %.4f; schedules per echo call: %.2f%n", rate / echoRate,
                    rate * batch / echoRate);
        } finally {
            policy.shutdownNow();
        }
    }
}
