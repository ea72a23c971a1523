package io.jeda.bench;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting a service's JVM to its gRPC health answering SERVING, and its resident memory
 * then (and the CPU seconds it used until then), for several sets of JVM flags in turns (A, B, A, B, ...), so that a noisy machine weighs on
 * every variant alike.
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar startup --jar policy-service/target/policy-service-0.1.0-SNAPSHOT.jar \
 *     --port 51061 --runs 5 --variant "plain=" --variant "cds=-XX:SharedArchiveFile=.jeda/cds/policy.jsa"
 * </pre>
 * Each variant is {@code name=flags} (flags separated by spaces). The service runs with the
 * environment of this command plus {@code --env K=V,K=V}; it is stopped (SIGTERM) after each start,
 * so a variant with {@code -XX:ArchiveClassesAtExit} writes its archive then. {@code --jar} and
 * {@code --port} also take comma-separated lists (one port a jar): the jars then start one after
 * the other within each turn, and the result has a line per jar and variant. In a variant's flags
 * {@code {jar}} stands for the jar's file name without {@code .jar} (e.g. one class archive a jar:
 * {@code -XX:SharedArchiveFile=/tmp/{jar}.jsa}). With {@code --log FILE} each start's output is
 * appended there after a line with the wall-clock time of the launch. A variant whose flags begin
 * with a path instead of a flag starts the jar with that java binary (e.g. another JDK's
 * {@code /usr/lib/jvm/jdk-25/bin/java -XX:AOTCache=/tmp/{jar}.aot}); otherwise the bench's own java runs it.
 * {@code jardir=DIR} among a variant's flags starts the jar of the same file name in DIR instead
 * (e.g. the previous build's jars copied aside, against this build's, in one command).
 */
final class StartupLoad {

    private StartupLoad() {
    }

    static void run(Map<String, String> opt, String[] args) throws Exception {
        if (opt.get("jar") == null) {
            throw new IllegalArgumentException("--jar is needed");
        }
        String[] jars = opt.get("jar").split(",");
        String[] ports = opt.getOrDefault("port", "50061").split(",");
        if (ports.length != jars.length) {
            throw new IllegalArgumentException("--port needs one port for each jar");
        }
        int runs = Bench.intOpt(opt, "runs", 3);
        List<String[]> variants = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--variant") && i + 1 < args.length) {
                String v = args[++i];
                int eq = v.indexOf('=');
                variants.add(new String[]{v.substring(0, eq), v.substring(eq + 1)});
            }
        }
        if (variants.isEmpty()) {
            variants.add(new String[]{"default", ""});
        }
        List<String> env = opt.containsKey("env") ? List.of(opt.get("env").split(",")) : List.of();
        double[][][] millis = new double[jars.length][variants.size()][runs];
        double[][][] rss = new double[jars.length][variants.size()][runs];
        double[][][] cpu = new double[jars.length][variants.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < variants.size(); v++) {
                for (int j = 0; j < jars.length; j++) {
                    String flags = variants.get(v)[1].replace("{jar}", shortName(jars[j]));
                    double[] got = once(jars[j], Integer.parseInt(ports[j].trim()), flags, env, opt.get("log"));
                    millis[j][v][r] = got[0];
                    rss[j][v][r] = got[1];
                    cpu[j][v][r] = got[2];
                    System.out.printf("  %s %s run %d: SERVING after %.0f ms, RSS %.0f MB, CPU %.2f s (load %s)%n",
                            shortName(jars[j]), variants.get(v)[0], r + 1, got[0], got[1], got[2], load());
                }
            }
        }
        System.out.println();
        for (int j = 0; j < jars.length; j++) {
            System.out.printf("RESULT (median of %d starts each, %s)%n", runs, new File(jars[j]).getName());
            double plain = Stats.median(millis[j][0]);
            for (int v = 0; v < variants.size(); v++) {
                double ms = Stats.median(millis[j][v]);
                System.out.printf("  %-12s SERVING after %6.0f ms  RSS %4.0f MB  CPU %5.2f s  ratio %.2f   [%s]%n",
                        variants.get(v)[0], ms, Stats.median(rss[j][v]), Stats.median(cpu[j][v]), ms / plain,
                        variants.get(v)[1]);
            }
        }
    }

    /** The jar's file name without its directory, version and {@code .jar}: policy-service, gateway, ... */
    static String shortName(String jar) {
        return new File(jar).getName().replaceAll("(-\\d[^/]*)?\\.jar$", "");
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * Starts the jar with the flags, waits for SERVING, stops it; returns {millis, rss MB, CPU seconds}: the
     * CPU (user plus system, all threads) the service used until SERVING says how much work the start
     * was, which a loaded machine changes less than the wall-clock time.
     */
    private static double[] once(String jar, int port, String flags, List<String> env, String log) throws Exception {
        List<String> cmd = new ArrayList<>();
        List<String> given = Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        String jarDir = null;
        for (String g : given) {
            if (g.startsWith("jardir=")) {
                jarDir = g.substring("jardir=".length());
            }
        }
        given = given.stream().filter(g -> !g.startsWith("jardir=")).toList();
        if (!given.isEmpty() && !given.get(0).startsWith("-")) {
            cmd.add(given.get(0));
            given = given.subList(1, given.size());
        } else {
            cmd.add(Bench.javaBin());
        }
        cmd.addAll(given);
        cmd.add("-jar");
        cmd.add(jarDir == null ? jar : new File(jarDir, new File(jar).getName()).getPath());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (log != null) {
            Files.writeString(Path.of(log), String.format("---- %s launched at %s: %s%n", new File(jar).getName(),
                    java.time.LocalTime.now(), String.join(" ", cmd)), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        pb.redirectOutput(log != null ? ProcessBuilder.Redirect.appendTo(new File(log)) : ProcessBuilder.Redirect.DISCARD);
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        var health = HealthGrpc.newBlockingStub(ch);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long limit = t0 + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() < limit) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the service stopped during startup (exit " + p.exitValue() + ")");
                }
                try {
                    // A refused connection puts the channel in gRPC's reconnect back-off (1 s, then
                    // 1.6 times longer each time), during which every check fails at once: without
                    // this the time measured was the first reconnect after SERVING, in steps of
                    // about 1, 2.6, 5.2, 9.3, 15.8 s, not the time to SERVING.
                    ch.resetConnectBackoff();
                    HealthCheckResponse res = health.withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                            .check(HealthCheckRequest.getDefaultInstance());
                    if (res.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        return new double[]{ms, rssMb(p.pid()), ProcessCpu.of(p.pid()).seconds()};
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("no SERVING within 600 s");
        } finally {
            ch.shutdownNow();
            p.destroy();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            // gone
        }
        return -1;
    }
}
