package io.jeda.bench;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit's crash window in async mode: starts the gateway jar as a process of its own on a MySQL
 * database, asks it reachability questions from many clients, kills it with SIGKILL under load and
 * counts the answers that were acknowledged to a client but have no audit row. policy-service and
 * attendance-service are not started: the answers are degraded (UNKNOWN), and audited like any other.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench,gateway -am -DskipTests package
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar audit-kill --runs 5 --seconds 5 --clients 32 --mode async
 * </pre>
 */
final class AuditKillLoad {

    private AuditKillLoad() {
    }

    static void run(Map<String, String> opt) throws Exception {
        int runs = Bench.intOpt(opt, "runs", 5);
        double seconds = Bench.doubleOpt(opt, "seconds", 5);
        int clients = Bench.intOpt(opt, "clients", 32);
        String mode = opt.getOrDefault("mode", "async");
        String jar = opt.getOrDefault("jar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar");
        String server = opt.getOrDefault("db", "jdbc:mysql://127.0.0.1:3306");
        String user = opt.getOrDefault("db-user", "root");
        String password = opt.getOrDefault("db-password", "");
        String database = opt.getOrDefault("db-name", "bench_audit_kill");
        String fsync = opt.getOrDefault("fsync", "always");
        try (Connection c = DriverManager.getConnection(server + "/", user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        File spool = Files.createTempDirectory("audit-kill-spool").toFile();
        TokenService tokens = new TokenService(ReachabilityLoad.DEV_SECRET, "", "jeda", true);
        long totalAcked = 0;
        long totalMissing = 0;
        System.out.printf("audit-kill: mode %s, %d clients, kill -9 after %.1f s of load, %d runs%n", mode, clients,
                seconds, runs);
        for (int run = 1; run <= runs; run++) {
            int grpcPort = freePort();
            String subject = "kill-" + System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar)
                    .redirectOutput(new File(spool, "gateway-" + run + ".log")).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("JEDA_GATEWAY_JDBC_URL", server + "/" + database);
            env.put("JEDA_GATEWAY_JDBC_USER", user);
            env.put("JEDA_GATEWAY_JDBC_PASSWORD", password);
            env.put("JEDA_JWT_SECRET", ReachabilityLoad.DEV_SECRET);
            env.put("JEDA_GATEWAY_GRPC_PORT", Integer.toString(grpcPort));
            env.put("JEDA_GATEWAY_HTTP_PORT", Integer.toString(freePort()));
            env.put("JEDA_POLICY_ADDRESS", "127.0.0.1:" + freePort());
            env.put("JEDA_ATTENDANCE_ADDRESS", "127.0.0.1:" + freePort());
            env.put("JEDA_GATEWAY_RATE", "100000000");
            env.put("JEDA_GATEWAY_BURST", "100000000");
            env.put("JEDA_GATEWAY_AUDIT_MODE", mode);
            env.put("JEDA_GATEWAY_AUDIT_SPOOL_DIR", spool.getPath());
            env.put("JEDA_GATEWAY_AUDIT_SPOOL_REPLICA", "bench");
            env.put("JEDA_GATEWAY_AUDIT_SPOOL_FSYNC", fsync);
            Process gateway = pb.start();
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            long acked;
            try {
                awaitServing(ch, gateway);
                acked = load(ch, BearerCredentials.of(tokens.mint(subject, Set.of(Role.AGENCY), Duration.ofHours(1))),
                        clients, seconds, gateway);
            } finally {
                gateway.destroyForcibly();
                gateway.waitFor(30, TimeUnit.SECONDS);
                ch.shutdownNow();
            }
            long rows = rows(server + "/" + database, user, password, subject);
            long missing = Math.max(0, acked - rows);
            totalAcked += acked;
            totalMissing += missing;
            System.out.printf("run %d: %d answers acknowledged, %d audit rows, %d missing%n", run, acked, rows, missing);
        }
        System.out.printf("total: %d acknowledged, %d missing (%.3f%%)%n", totalAcked, totalMissing,
                totalAcked == 0 ? 0.0 : 100.0 * totalMissing / totalAcked);
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitServing(ManagedChannel ch, Process gateway) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until && gateway.isAlive()) {
            try {
                HealthCheckResponse r = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance());
                if (r.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
                    return;
                }
            } catch (RuntimeException e) {
                // Not up yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway did not start (see its log in the spool directory)");
    }

    /** Clients ask one after another until the gateway is killed; returns the answers acknowledged (OK). */
    private static long load(ManagedChannel ch, CallCredentials creds, int clients, double seconds, Process gateway)
            throws Exception {
        ReachabilityServiceGrpc.ReachabilityServiceStub stub = ReachabilityServiceGrpc.newStub(ch)
                .withCallCredentials(creds);
        GetReachabilityRequest q = GetReachabilityRequest.newBuilder().setOfficer("officers/198001012000011001")
                .setUrgency(Urgency.URGENCY_URGENT).build();
        AtomicLong ok = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loops.add(new Runnable() {
                @Override
                public void run() {
                    if (stop.get()) {
                        return;
                    }
                    stub.withDeadlineAfter(5, TimeUnit.SECONDS).getReachability(q, new StreamObserver<>() {
                        @Override
                        public void onNext(Reachability value) {
                            ok.incrementAndGet();
                        }

                        @Override
                        public void onError(Throwable t) {
                            // The kill: nothing more to count.
                        }

                        @Override
                        public void onCompleted() {
                            run();
                        }
                    });
                }
            });
        }
        loops.forEach(Runnable::run);
        Thread.sleep((long) (seconds * 1000));
        gateway.destroyForcibly(); // SIGKILL while the clients keep asking
        gateway.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        return ok.get();
    }

    private static long rows(String url, String user, String password, String subject) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reachability_audit WHERE client_id = ?")) {
            ps.setString(1, subject);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
