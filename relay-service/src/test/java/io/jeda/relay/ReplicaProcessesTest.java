package io.jeda.relay;

import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * relay-service as real processes on one database: two replicas share the work, one is killed with
 * SIGKILL ({@code kill -9}) in the middle of it, and a replacement comes up. Nothing is lost (every
 * message delivered, every event received) and nothing is delivered twice (one delivery step and one
 * {@code message.delivered} event per message); a webhook send the killed replica had claimed may
 * reach the receiver again with the same {@code webhook-id} (at least once), never with a new one.
 */
class ReplicaProcessesTest extends RelayTestBase {

    private static final int MESSAGES = 60;
    private final List<Process> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Process::destroyForcibly);
    }

    @Test
    void twoReplicasShareTheWorkAndAKill9LosesNothingAndDeliversNothingTwice() throws Exception {
        Webhook hook = registerReceiver();
        // A slow endpoint, so that the kill lands while sends are claimed and under way.
        receiver.delay(Duration.ofMillis(60));
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(2)));
        for (int i = 0; i < MESSAGES; i++) {
            agency().submitMessage(message(NIP, Urgency.URGENCY_URGENT, "Laporan warga " + i)
                    .setWebhook(hook.getName()).setClientReference("crash-" + i).build());
        }

        Process a = replica("a");
        Process b = replica("b");
        await(Duration.ofSeconds(90), () -> distinctReceived() >= MESSAGES / 4, "the replicas start delivering");
        long pid = a.pid();
        a.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs, its leases stay in the database
        a.waitFor();
        assertEquals(137, a.exitValue(), "killed with signal 9 (pid " + pid + ")");
        assertTrue(distinctReceived() < MESSAGES, "killed in the middle of the work");
        replica("a2");

        await(Duration.ofSeconds(120), () -> distinctReceived() == MESSAGES
                && count("SELECT COUNT(*) FROM message WHERE state = 'DELIVERED'") == MESSAGES, "everything delivered");

        assertEquals(MESSAGES, count("SELECT COUNT(*) FROM delivery WHERE kind = 'DELIVER' AND step = 0 AND status = 'DONE'"),
                "one delivery per message");
        assertEquals(MESSAGES, count("SELECT COUNT(DISTINCT message_id) FROM delivery WHERE kind = 'DELIVER' AND step = 0"));
        assertEquals(MESSAGES, count("SELECT COUNT(*) FROM webhook_event WHERE type = 'message.delivered'"),
                "one event per delivery, whatever the retries");
        assertTrue(count("SELECT COUNT(DISTINCT done_by) FROM delivery") >= 2, "more than one replica delivered");
        List<WebhookReceiver.Received> got = receiver.received();
        assertTrue(got.stream().allMatch(WebhookReceiver.Received::signatureValid));
        Map<String, Integer> perMessage = new HashMap<>();
        for (WebhookReceiver.Received r : got) {
            String ref = r.body().replaceAll(".*\"subject\":\"Laporan warga (\\d+)\".*", "$1");
            perMessage.merge(ref, 1, Integer::sum);
        }
        assertEquals(MESSAGES, perMessage.size(), "every message reached the agency");
        long resentIds = got.size() - got.stream().map(WebhookReceiver.Received::id).distinct().count();
        long extraPerMessage = perMessage.values().stream().mapToInt(n -> n - 1).sum();
        assertEquals(resentIds, extraPerMessage, "a message arriving twice is a resend of the same webhook-id");
        System.out.printf("%d messages, %d sends received, %d resent after the kill, replicas: %s%n", MESSAGES,
                got.size(), resentIds, ownersOfDeliveries());
        assertFalse(got.isEmpty());
    }

    private String ownersOfDeliveries() {
        return String.valueOf(count("SELECT COUNT(DISTINCT done_by) FROM delivery"));
    }

    private long distinctReceived() {
        return receiver.received().stream().map(WebhookReceiver.Received::id).distinct().count();
    }

    /** relay-service in a JVM of its own, on the test database, with its workers on. */
    private Process replica(String name) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(TestDatabase.properties("relay"));
        p.put("micronaut.env.deduction", "false");
        p.put("grpc.server.port", String.valueOf(freePort()));
        p.put("grpc.channels.gateway.address", "127.0.0.1:" + GATEWAY.port());
        p.put("grpc.channels.gateway.plaintext", "true");
        p.put("grpc.channels.policy.address", "127.0.0.1:" + GATEWAY.port());
        p.put("grpc.channels.policy.plaintext", "true");
        p.put("jeda.security.jwt.hmac-secret", Tokens.DEV_SECRET);
        p.put("jeda.relay.worker.enabled", "true");
        p.put("jeda.relay.worker.interval", "100ms");
        p.put("jeda.relay.worker.initial-delay", "0s");
        p.put("jeda.relay.worker.lease", "3s");
        p.put("jeda.relay.worker.batch-size", "5");
        p.put("jeda.relay.webhook.timeout", "2s");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        p.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("io.jeda.relay.RelayApplication");
        File log = Path.of("target", "replica-" + name + ".log").toFile();
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        replicas.add(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(Duration max, BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
