package io.jeda.bench;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the benchmarks. Every figure is printed as the median of several runs, beside a
 * baseline measured in the same command (a bare gRPC echo server, the database alone), because
 * these machines are noisy and only ratios travel.
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar baselines [--seconds 10] [--runs 3] [--clients 64]
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String cmd = args.length > 0 ? args[0] : "help";
        switch (cmd) {
            case "baselines" -> baselines(opt);
            case "checkin" -> CheckInLoad.run(opt);
            case "checkin-tables" -> CheckInTables.run(opt);
            case "reachability" -> ReachabilityLoad.run(opt);
            case "generate" -> NationalGenerator.run(opt);
            case "schedule-batch" -> ScheduleBatchLoad.run(opt);
            case "audit-kill" -> AuditKillLoad.run(opt);
            case "startup" -> StartupLoad.run(opt, args);
            default -> {
                System.err.println("usage: bench baselines|checkin|reachability|generate|schedule-batch|audit-kill|startup [--seconds S] [--runs N] [--clients N] ...");
                System.exit(64);
            }
        }
    }

    static void baselines(Map<String, String> opt) throws Exception {
        int runs = intOpt(opt, "runs", 3);
        double seconds = doubleOpt(opt, "seconds", 10);
        int clients = intOpt(opt, "clients", 64);
        double[] echo = echoRates(runs, seconds, clients, doubleOpt(opt, "warmup", 30));
        System.out.printf("grpc echo (bare grpc-java, separate JVM, %d in flight): median %.0f calls/s%n",
                clients, Stats.median(echo));
        double[] db = dbRates(opt, runs, seconds);
        System.out.printf("database alone (%d clients, durable single-row inserts): median %.0f inserts/s%n",
                intOpt(opt, "db-clients", 16), Stats.median(db));
    }

    static double[] dbRates(Map<String, String> opt, int runs, double seconds) throws Exception {
        String url = opt.getOrDefault("db", "jdbc:mysql://127.0.0.1:3306");
        String user = opt.getOrDefault("db-user", "root");
        String password = opt.getOrDefault("db-password", "");
        int clients = intOpt(opt, "db-clients", 16);
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            rates[r] = DbInsertBaseline.run(url, user, password, clients, seconds);
            System.out.printf("  db run %d: %.0f inserts/s%n", r + 1, rates[r]);
        }
        return rates;
    }

    /**
     * Starts the echo server in its own JVM, warms it as long as the subject it is compared with (a
     * short warm-up leaves the first run cold and flatters the subject's ratio), loads it, and stops it.
     */
    static double[] echoRates(int runs, double seconds, int clients, double warmup) throws Exception {
        int port = 50099;
        Process server = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                EchoServer.class.getName(), String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor().build();
        try {
            byte[] payload = new byte[64];
            waitUntil(() -> {
                ClientCalls.blockingUnaryCall(ch, EchoServer.ECHO, CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.SECONDS), payload);
                return true;
            });
            ClosedLoop.Call echo = (c, s) ->
                    ClientCalls.futureUnaryCall(ch.newCall(EchoServer.ECHO, CallOptions.DEFAULT), payload);
            ClosedLoop.run(clients, Math.max(3, warmup), echo);
            ProcessCpu cpu = ProcessCpu.of(server.pid());
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                double cpu0 = cpu.seconds();
                ClosedLoop.Result res = ClosedLoop.run(clients, seconds, echo);
                rates[r] = res.rate();
                System.out.printf("  echo run %d: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, server CPU %.1f us/call%n",
                        r + 1, res.rate(), res.p50(), res.p99(), ProcessCpu.microsPerCall(cpu0, cpu.seconds(), res.ok()));
            }
            return rates;
        } finally {
            ch.shutdownNow();
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    interface Probe {
        boolean ok() throws Exception;
    }

    static void waitUntil(Probe probe) throws InterruptedException {
        for (int i = 0; i < 600; i++) { // up to a minute: a loaded machine starts a JVM slowly
            try {
                if (probe.ok()) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not come up");
    }

    static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 1; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("--")) {
                String key = a.substring(2);
                String value = i + 1 < rest.size() && !rest.get(i + 1).startsWith("--") ? rest.get(++i) : "true";
                m.put(key, value);
            }
        }
        return m;
    }

    static int intOpt(Map<String, String> opt, String key, int dflt) {
        return opt.containsKey(key) ? Integer.parseInt(opt.get(key)) : dflt;
    }

    static double doubleOpt(Map<String, String> opt, String key, double dflt) {
        return opt.containsKey(key) ? Double.parseDouble(opt.get(key)) : dflt;
    }
}
