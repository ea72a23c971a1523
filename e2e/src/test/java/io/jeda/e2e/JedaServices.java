package io.jeda.e2e;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.jeda.testing.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * policy-service, attendance-service, the gateway and relay-service, each running from its shaded jar as a child
 * JVM on free local ports, as {@code ./jeda up} runs them: configured only through their JEDA_*
 * environment variables, with a fresh database each. Every process's output goes to
 * {@code target/logs/<service>.log}. The processes are stopped by {@link #close()} and, should the
 * test JVM end without it, by a shutdown hook.
 */
public final class JedaServices implements AutoCloseable {

    /** The services, in the order they are started. */
    public enum Service {
        POLICY("policy", "policy-service"),
        ATTENDANCE("attendance", "attendance-service"),
        GATEWAY("gateway", "gateway"),
        RELAY("relay", "relay-service");

        final String key;
        final String module;

        Service(String key, String module) {
            this.key = key;
            this.module = module;
        }
    }

    /** How long the services may take to report SERVING; a loaded two-core machine needs a while. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The gateway's attendance status cache: short, so that a check-in shows within a poll or two. */
    static final Duration STATUS_CACHE_EXPIRY = Duration.ofMillis(100);
    /**
     * The deadline of each call one service makes to another, and the gateway's time budget for one
     * answer. Longer than in production (300 ms to 2 s, 1 s): the services run on small,
     * barely compiled JVMs on a shared build machine, and this test is about what the answers say, not
     * how fast a warm service gives them. A service that is down fails at once, deadline or not.
     */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(3);
    static final Duration ANSWER_BUDGET = Duration.ofSeconds(6);
    /** Small JVMs that start quickly: the scenario is short, so the optimising compiler never pays off. */
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xms64m", "-Xmx256m", "-Xshare:auto", "-Duser.timezone=UTC");
    private static final int TAIL_LINES = 40;

    private final Path root;
    private final String version;
    private final Path workDir;
    private final Path logDir;
    private final Map<Service, Integer> grpcPorts = new EnumMap<>(Service.class);
    private final int httpPort;
    /** The management ports (/health, /prometheus) of policy-service, attendance-service and relay-service. */
    private final Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
    private final Map<Service, ServiceDatabases.Jdbc> databases = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, ManagedChannel> channels = new EnumMap<>(Service.class);
    /** Further gateway replicas a test started, stopped with the services, and their logs. */
    private final List<GatewayReplica> replicas = new ArrayList<>();
    private final List<Path> replicaLogs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::stopAll, "jeda-e2e-stop-services");

    private JedaServices(Path root, String version, Path workDir) {
        this.root = root;
        this.version = version;
        this.workDir = workDir;
        this.logDir = workDir.resolve("logs");
        int[] ports = freePorts(8);
        grpcPorts.put(Service.POLICY, ports[0]);
        grpcPorts.put(Service.ATTENDANCE, ports[1]);
        grpcPorts.put(Service.GATEWAY, ports[2]);
        grpcPorts.put(Service.RELAY, ports[6]);
        httpPort = ports[3];
        managementPorts.put(Service.POLICY, ports[4]);
        managementPorts.put(Service.ATTENDANCE, ports[5]);
        managementPorts.put(Service.RELAY, ports[7]);
    }

    /**
     * Starts the services and waits until each reports SERVING (and the gateway's HTTP health
     * answers). On failure the processes are stopped and the message carries the logs' last lines.
     *
     * @param root    the repository root, where {@code <module>/target/<module>-<version>.jar} are
     * @param workDir where logs and H2 files go ({@code e2e/target})
     */
    static JedaServices start(Path root, String version, Path workDir) {
        JedaServices s = new JedaServices(root, version, workDir);
        Runtime.getRuntime().addShutdownHook(s.shutdownHook);
        try {
            Files.createDirectories(s.logDir);
            ServiceDatabases dbs = new ServiceDatabases(workDir);
            for (Service service : Service.values()) {
                s.databases.put(service, dbs.fresh(service.key));
            }
            Instant began = Instant.now();
            for (Service service : Service.values()) {
                s.launch(service, false);
            }
            Instant deadline = began.plus(START_TIMEOUT);
            for (Service service : Service.values()) {
                s.awaitServing(service, deadline);
            }
            System.out.printf("e2e: services SERVING after %d ms (policy :%d, attendance :%d, gateway :%d, http :%d,"
                    + " relay :%d)%n", Duration.between(began, Instant.now()).toMillis(), s.grpcPort(Service.POLICY),
                    s.grpcPort(Service.ATTENDANCE), s.grpcPort(Service.GATEWAY), s.httpPort, s.grpcPort(Service.RELAY));
            return s;
        } catch (IOException | RuntimeException | Error e) {
            String tails = s.tails();
            s.close();
            throw new IllegalStateException("the services did not start: " + e.getMessage() + "\n" + tails, e);
        }
    }

    int grpcPort(Service s) {
        return grpcPorts.get(s);
    }

    /** The gateway's REST base, {@code http://127.0.0.1:<port>}. */
    public URI gatewayHttp() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** A plaintext channel to a service's gRPC port, made once. */
    public synchronized ManagedChannel channel(Service s) {
        return channels.computeIfAbsent(s, k -> ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort(k))
                .usePlaintext().build());
    }

    /** Kills a service's process at once (SIGKILL), as a crash or a lost node would. */
    synchronized void kill(Service s) {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroyForcibly();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(s.module + " did not die within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing " + s.module, e);
            }
        }
    }

    /** Starts a killed service again on the same port and database, and waits until it is SERVING. */
    void restart(Service s) {
        if (processes.containsKey(s)) {
            throw new IllegalStateException(s.module + " is still running");
        }
        Instant began = Instant.now();
        try {
            launch(s, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitServing(s, began.plus(START_TIMEOUT));
        System.out.printf("e2e: %s SERVING again after %d ms%n", s.module, Duration.between(began, Instant.now()).toMillis());
    }

    /** Starts again any service a test killed, so that the next test class finds them all running. */
    synchronized void ensureRunning() {
        for (Service s : Service.values()) {
            Process p = processes.get(s);
            if (p == null || !p.isAlive()) {
                processes.remove(s);
                restart(s);
            }
        }
    }

    private synchronized void launch(Service s, boolean append) throws IOException {
        processes.put(s, start(s, environment(s), log(s), append));
    }

    /** One service's jar as a child JVM, configured only by the given JEDA_* settings. */
    private Process start(Service s, Map<String, String> settings, Path log, boolean append) throws IOException {
        Path jar = root.resolve(s.module).resolve("target").resolve(s.module + "-" + version + ".jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build the services first, e.g. "
                    + "./mvnw -B -ntp -pl e2e -am verify (the reactor packages them before these tests)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = pb.environment();
        // Only what is set here configures the services, whatever the developer's shell exports.
        env.keySet().removeIf(k -> k.startsWith("JEDA_"));
        env.putAll(settings);
        return pb.start();
    }

    /**
     * Another gateway replica: the same jar and settings as the gateway, on the same services and
     * database, with gRPC and HTTP ports of its own; waits until it is SERVING. It is stopped with
     * the services unless the test kills it first.
     */
    GatewayReplica startGatewayReplica(String name) {
        int[] ports = freePorts(2);
        Map<String, String> env = environment(Service.GATEWAY);
        env.put("JEDA_GATEWAY_GRPC_PORT", String.valueOf(ports[0]));
        env.put("JEDA_GATEWAY_HTTP_PORT", String.valueOf(ports[1]));
        if (databases.get(Service.GATEWAY).url().startsWith("jdbc:h2:")) {
            // An H2 file is open in one process at a time; on a database server replicas share one.
            ServiceDatabases.Jdbc own = new ServiceDatabases(workDir).fresh(name);
            env.put("JEDA_GATEWAY_JDBC_URL", own.url());
            env.put("JEDA_GATEWAY_JDBC_USER", own.user());
            env.put("JEDA_GATEWAY_JDBC_PASSWORD", own.password());
        }
        Path log = logDir.resolve(name + ".log");
        Instant began = Instant.now();
        GatewayReplica replica;
        try {
            replica = new GatewayReplica(start(Service.GATEWAY, env, log, false), ports[0],
                    URI.create("http://127.0.0.1:" + ports[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            replicas.add(replica);
            replicaLogs.add(log);
        }
        Instant deadline = began.plus(START_TIMEOUT);
        while (!replica.serving()) {
            if (!replica.process.isAlive() || Instant.now().isAfter(deadline)) {
                replica.kill();
                throw new IllegalStateException(name + " not SERVING within " + START_TIMEOUT.toSeconds() + " s\n"
                        + tails());
            }
            sleep(Duration.ofMillis(200));
        }
        System.out.printf("e2e: %s SERVING after %d ms (gateway :%d, http %s)%n", name,
                Duration.between(began, Instant.now()).toMillis(), ports[0], replica.http());
        return replica;
    }

    /** A gateway process started by {@link #startGatewayReplica}. */
    final class GatewayReplica {
        private final Process process;
        private final int grpcPort;
        private final URI http;

        private GatewayReplica(Process process, int grpcPort, URI http) {
            this.process = process;
            this.grpcPort = grpcPort;
            this.http = http;
        }

        /** Its REST base, {@code http://127.0.0.1:<port>}. */
        URI http() {
            return http;
        }

        private boolean serving() {
            ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            try {
                return grpcServing(ch) && httpHealthy(http);
            } finally {
                ch.shutdownNow();
            }
        }

        /** Kills the process at once (SIGKILL), as a crash or a lost node would. */
        void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gateway replica did not die within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing the gateway replica", e);
            }
            synchronized (JedaServices.this) {
                replicas.remove(this);
            }
        }
    }

    /** The JEDA_* settings of one service, as a deployment would give them. */
    private Map<String, String> environment(Service s) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        String prefix = "JEDA_" + s.key.toUpperCase() + "_";
        ServiceDatabases.Jdbc db = databases.get(s);
        env.put(prefix + "GRPC_PORT", String.valueOf(grpcPort(s)));
        if (managementPorts.containsKey(s)) {
            env.put(prefix + "MANAGEMENT_PORT", String.valueOf(managementPorts.get(s)));
        }
        env.put(prefix + "JDBC_URL", db.url());
        env.put(prefix + "JDBC_USER", db.user());
        env.put(prefix + "JDBC_PASSWORD", db.password());
        env.put("JEDA_JWT_SECRET", Tokens.DEV_SECRET);
        env.put("JEDA_DEMO", "false");
        switch (s) {
            case POLICY -> {
            }
            case ATTENDANCE -> {
                env.put("JEDA_POLICY_ADDRESS", "127.0.0.1:" + grpcPort(Service.POLICY));
                // A check-in waits this long for policy-service before it is accepted unverified.
                env.put("JEDA_POLICY_DEADLINE_MS", String.valueOf(CALL_DEADLINE.toMillis()));
            }
            case GATEWAY -> {
                env.put("JEDA_GATEWAY_HTTP_PORT", String.valueOf(httpPort));
                env.put("JEDA_POLICY_ADDRESS", "127.0.0.1:" + grpcPort(Service.POLICY));
                env.put("JEDA_ATTENDANCE_ADDRESS", "127.0.0.1:" + grpcPort(Service.ATTENDANCE));
                // Messages and webhooks go to this run's relay-service, not whatever listens on 50063.
                env.put("JEDA_RELAY_ADDRESS", "127.0.0.1:" + grpcPort(Service.RELAY));
                env.put("JEDA_GATEWAY_CACHE_STATUS_EXPIRY", STATUS_CACHE_EXPIRY.toMillis() + "ms");
                env.put("JEDA_GATEWAY_POLICY_DEADLINE", CALL_DEADLINE.toMillis() + "ms");
                env.put("JEDA_GATEWAY_ATTENDANCE_DEADLINE", CALL_DEADLINE.toMillis() + "ms");
                env.put("JEDA_GATEWAY_ANSWER_BUDGET", ANSWER_BUDGET.toMillis() + "ms");
                // What /v1/me and /v1/team forward to the services with the caller's token.
                env.put("JEDA_GATEWAY_FORWARD_DEADLINE", CALL_DEADLINE.toMillis() + "ms");
                // The web app's development sign-in, as ./jeda up has it (the browser tests sign in with it).
                env.put("JEDA_DEV_ISSUER", "true");
            }
            case RELAY -> {
                env.put("JEDA_GATEWAY_ADDRESS", "127.0.0.1:" + grpcPort(Service.GATEWAY));
                env.put("JEDA_POLICY_ADDRESS", "127.0.0.1:" + grpcPort(Service.POLICY));
            }
        }
        return env;
    }

    private void awaitServing(Service s, Instant deadline) {
        Process p = processes.get(s);
        while (true) {
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(s.module + " exited" + (p == null ? "" : " with status " + p.exitValue())
                        + " before SERVING");
            }
            if (serving(s)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(s.module + " not SERVING within " + START_TIMEOUT.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    /** gRPC health SERVING, and for the gateway also its HTTP health endpoint. */
    private boolean serving(Service s) {
        return grpcServing(channel(s)) && (s != Service.GATEWAY || httpHealthy(gatewayHttp()));
    }

    private static boolean grpcServing(ManagedChannel ch) {
        try {
            // A refused connection puts the channel into back-off; do not let it delay the next probe.
            ch.resetConnectBackoff();
            HealthCheckResponse r = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(1, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            return r.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private boolean httpHealthy(URI base) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log(Service s) {
        return logDir.resolve(s.key + ".log");
    }

    /** The last lines of every service's log, for a failure message. */
    String tails() {
        StringBuilder b = new StringBuilder();
        List<Path> logs = new ArrayList<>();
        for (Service s : Service.values()) {
            logs.add(log(s));
        }
        synchronized (this) {
            logs.addAll(replicaLogs);
        }
        for (Path log : logs) {
            b.append("---- last lines of ").append(log).append(" ----\n");
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                        .forEach(l -> b.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                b.append("(cannot read: ").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is what is running
        }
    }

    /** Channels closed, then every process asked to stop (SIGTERM) and killed if it has not within 10 s. */
    private synchronized void stopAll() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
        List<Process> all = new ArrayList<>(processes.values());
        replicas.forEach(r -> all.add(r.process));
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        replicas.clear();
    }

    /** Distinct ports that were free a moment ago (all held open together, so none repeats). */
    private static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we opened; nothing to do
                }
            }
        }
    }
}
