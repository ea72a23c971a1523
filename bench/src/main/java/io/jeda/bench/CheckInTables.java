package io.jeda.bench;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-in on a large events table against an empty one, in turns within one command: one
 * policy-service and two attendance-services (their jars, on ports from {@code --port-base}), one on
 * the large database ({@code --big-db}, e.g. filled by {@code generate --events-only}) and one on a
 * database created empty for the run ({@code --empty-db}, dropped first). {@code checkin} runs against
 * each in turn, {@code --turns} times each (one run of {@code --seconds} after {@code --warmup} seconds
 * of warm-up), and the medians and their ratio are printed; any lost or doubled check-in fails the run.
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar checkin-tables --big-db jeda_big_attendance \
 *     --empty-db jeda_empty_attendance --policy-db jeda_checkin_policy --turns 3 --clients 64 --seconds 10
 * </pre>
 */
final class CheckInTables {

    private static final Pattern RATE = Pattern.compile(
            "check-in/out via API:\\s+([0-9.]+) calls/s\\s+p50 ([0-9.]+) ms\\s+p99 ([0-9.]+) ms");
    private static final Pattern VERIFY = Pattern.compile(
            "verify: (\\d+) acknowledged, (\\d+) lost, (\\d+) doubled, (\\d+) retries");

    private CheckInTables() {
    }

    /** One attendance-service and the numbers measured against it. */
    private static final class Target {
        final String name;
        final String db;
        final int port;
        final List<Double> rates = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        long acked;
        long lost;
        long doubled;
        Process process;

        Target(String name, String db, int port) {
            this.name = name;
            this.db = db;
            this.port = port;
        }
    }

    static void run(Map<String, String> opt) throws Exception {
        String root = opt.getOrDefault("root", ".");
        String version = opt.getOrDefault("version", "0.1.0-SNAPSHOT");
        String policyJar = opt.getOrDefault("policy-jar", root + "/policy-service/target/policy-service-" + version + ".jar");
        String attendanceJar = opt.getOrDefault("attendance-jar",
                root + "/attendance-service/target/attendance-service-" + version + ".jar");
        String jdbc = opt.getOrDefault("db", "jdbc:mysql://127.0.0.1:3306");
        String user = opt.getOrDefault("db-user", "root");
        String password = opt.getOrDefault("db-password", "");
        String policyDb = opt.getOrDefault("policy-db", "jeda_checkin_policy");
        int base = Bench.intOpt(opt, "port-base", 52300);
        int turns = Bench.intOpt(opt, "turns", 3);
        String clients = opt.getOrDefault("clients", "64");
        String seconds = opt.getOrDefault("seconds", "10");
        String warmup = opt.getOrDefault("warmup", "20");
        Target big = new Target("big", opt.getOrDefault("big-db", "jeda_big_attendance"), base + 2);
        Target empty = new Target("empty", opt.getOrDefault("empty-db", "jeda_empty_attendance"), base + 4);
        if (big.db.equals(empty.db)) {
            throw new IllegalArgumentException("--big-db and --empty-db must differ");
        }
        Path logs = Files.createTempDirectory("checkin-tables");
        try (Connection c = DriverManager.getConnection(jdbc + "/?useSSL=false&allowPublicKeyRetrieval=true", user,
                password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + big.db + "' AND TABLE_NAME = 'attendance_event'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new IllegalStateException(big.db + " has no attendance_event: fill it with generate --events-only");
                }
            }
            for (String db : List.of(empty.db, policyDb)) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
                s.execute("CREATE DATABASE `" + db + "`");
            }
        }
        String url = jdbc + "/%s?useSSL=false&allowPublicKeyRetrieval=true";
        List<Process> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(Process::destroy)));
        try {
            System.out.printf("starting policy-service on %d and attendance-services on %d (%s) and %d (%s); logs in %s%n",
                    base, big.port, big.db, empty.port, empty.db, logs);
            started.add(start(policyJar, logs.resolve("policy.log"), List.of("JEDA_POLICY_GRPC_PORT=" + base,
                    "JEDA_POLICY_MANAGEMENT_PORT=" + (base + 1), "JEDA_POLICY_JDBC_URL=" + String.format(url, policyDb),
                    "JEDA_POLICY_JDBC_USER=" + user, "JEDA_POLICY_JDBC_PASSWORD=" + password)));
            waitServing(base, started.get(0));
            for (Target t : List.of(big, empty)) {
                t.process = start(attendanceJar, logs.resolve("attendance-" + t.name + ".log"), List.of(
                        "JEDA_ATTENDANCE_GRPC_PORT=" + t.port, "JEDA_ATTENDANCE_MANAGEMENT_PORT=" + (t.port + 1),
                        "JEDA_POLICY_ADDRESS=127.0.0.1:" + base,
                        "JEDA_ATTENDANCE_JDBC_URL=" + String.format(url, t.db),
                        "JEDA_ATTENDANCE_JDBC_USER=" + user, "JEDA_ATTENDANCE_JDBC_PASSWORD=" + password));
                started.add(t.process);
                waitServing(t.port, t.process);
            }
            System.out.printf("  events: %s about %,d rows, %s about %,d rows (information_schema estimates)%n",
                    big.db, estimate(jdbc, user, password, big.db), empty.db, estimate(jdbc, user, password, empty.db));
            String jar = new File(CheckInTables.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
            for (int turn = 0; turn < turns; turn++) {
                // Alternate which goes first, so neither always runs on a machine the other has just warmed.
                for (Target t : turn % 2 == 0 ? List.of(big, empty) : List.of(empty, big)) {
                    List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-jar", jar, "checkin",
                            "--policy", "127.0.0.1:" + base, "--attendance", "127.0.0.1:" + t.port,
                            "--db", jdbc, "--attendance-db", t.db, "--db-user", user, "--db-password", password,
                            "--baselines", "false", "--runs", "1", "--clients", clients, "--seconds", seconds,
                            "--warmup", warmup));
                    once(cmd, t, turn + 1);
                }
            }
        } finally {
            for (Process p : started) {
                p.destroy();
            }
            for (Process p : started) {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        System.out.println();
        System.out.printf("RESULT (median of %d turns each, %s clients, %s s a run, load %s)%n", turns, clients, seconds,
                StartupLoad.load());
        for (Target t : List.of(big, empty)) {
            System.out.printf("  %-5s %-28s %8.0f calls/s  p50 %.2f ms  p99 %.2f ms  (runs %s); %d acknowledged, "
                            + "%d lost, %d doubled%n", t.name, t.db, median(t.rates), median(t.p50), median(t.p99),
                    t.rates.stream().map(r -> String.format("%.0f", r)).toList(), t.acked, t.lost, t.doubled);
        }
        System.out.printf("  ratio big/empty: %.2f (calls/s), p99 %.2f%n", median(big.rates) / median(empty.rates),
                median(big.p99) / median(empty.p99));
        if (big.lost + big.doubled + empty.lost + empty.doubled > 0) {
            System.exit(1);
        }
    }

    /** One checkin run against t; its output is passed through and its RESULT lines read. */
    private static void once(List<String> cmd, Target t, int turn) throws Exception {
        System.out.printf("turn %d, %s (%s), load %s%n", turn, t.name, t.db, StartupLoad.load());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean rate = false;
        boolean verify = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("  check-in run") || line.contains("check-in/out via API") || line.contains("verify:")) {
                    System.out.println("    " + line.trim());
                }
                Matcher m = RATE.matcher(line);
                if (m.find()) {
                    t.rates.add(Double.parseDouble(m.group(1)));
                    t.p50.add(Double.parseDouble(m.group(2)));
                    t.p99.add(Double.parseDouble(m.group(3)));
                    rate = true;
                }
                Matcher v = VERIFY.matcher(line);
                if (v.find()) {
                    t.acked += Long.parseLong(v.group(1));
                    t.lost += Long.parseLong(v.group(2));
                    t.doubled += Long.parseLong(v.group(3));
                    verify = true;
                }
            }
        }
        int exit = p.waitFor();
        if (!rate || !verify) {
            throw new IllegalStateException("checkin against " + t.db + " ended (exit " + exit + ") without a result");
        }
    }

    private static Process start(String jar, Path log, List<String> env) throws Exception {
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -Pbench -DskipTests package");
        }
        // The flags ./jeda starts the services with.
        ProcessBuilder pb = new ProcessBuilder(Bench.javaBin(), "-XX:+UseSerialGC", "-Xss512k",
                "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=160m", "-Dmicronaut.environments=dev", "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return pb.start();
    }

    private static void waitServing(int port, Process p) throws Exception {
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() < limit) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the service on port " + port + " stopped during startup (exit "
                            + p.exitValue() + ")");
                }
                try {
                    if (HealthGrpc.newBlockingStub(ch).withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                            .check(HealthCheckRequest.getDefaultInstance()).getStatus()
                            == HealthCheckResponse.ServingStatus.SERVING) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("no SERVING on port " + port + " within 600 s");
        } finally {
            ch.shutdownNow();
        }
    }

    private static long estimate(String jdbc, String user, String password, String db) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc + "/?useSSL=false&allowPublicKeyRetrieval=true", user,
                password); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(SUM(TABLE_ROWS), 0) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '" + db
                        + "' AND TABLE_NAME = 'attendance_event'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> v) {
        return Stats.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
