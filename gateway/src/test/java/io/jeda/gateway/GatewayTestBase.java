package io.jeda.gateway;

import io.grpc.ManagedChannel;
import io.jeda.gateway.audit.AuditLog;
import io.jeda.gateway.client.AttendanceClient;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.testing.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Base of the tests that run the gateway for real: its gRPC and HTTP servers, its migrations on the
 * test database, and its production policy and attendance clients pointed at {@link FakePolicyService}
 * and {@link FakeAttendanceService} on localhost ports. The audit table is emptied, caches dropped and
 * the fakes reset before each test.
 */
@MicronautTest(transactional = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayTestBase implements TestPropertyProvider {

    /** One fake per JVM: every test class's gateway talks to it. */
    protected static final FakePolicyService POLICY = new FakePolicyService().start();
    /** Likewise for attendance-service. */
    protected static final FakeAttendanceService ATTENDANCE = new FakeAttendanceService().start();
    /** Likewise for relay-service. */
    protected static final FakeRelayService RELAY = new FakeRelayService().start();

    @Inject
    protected DataSource dataSource;

    @Inject
    @GrpcChannel(GrpcServerChannel.NAME)
    protected ManagedChannel channel;

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected PolicyClient policyClient;

    @Inject
    @GrpcChannel("policy")
    ManagedChannel policyChannel;

    @Inject
    @GrpcChannel("attendance")
    ManagedChannel attendanceChannel;

    private boolean connected;

    @Inject
    protected AttendanceClient attendanceClient;

    @Inject
    protected AuditLog auditLog;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDatabase.properties("gateway"));
        p.put("grpc.channels.policy.address", "127.0.0.1:" + POLICY.port());
        p.put("grpc.channels.policy.plaintext", "true");
        p.put("grpc.channels.attendance.address", "127.0.0.1:" + ATTENDANCE.port());
        p.put("grpc.channels.attendance.plaintext", "true");
        p.put("grpc.channels.relay.address", "127.0.0.1:" + RELAY.port());
        p.put("grpc.channels.relay.plaintext", "true");
        p.putAll(extraProperties());
        return p;
    }

    /** Settings a test class needs on top of the common ones. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /**
     * Connects the gateway's channels to the fakes before the first test of a class: the tests hold
     * the production deadlines (300 ms a call), which a first connection on a busy machine can use up.
     */
    private void connectOnce() throws InterruptedException {
        if (connected) {
            return;
        }
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        for (ManagedChannel c : java.util.List.of(policyChannel, attendanceChannel)) {
            // A test that points a channel at a closed port sees TRANSIENT_FAILURE at once: nothing to wait for.
            io.grpc.ConnectivityState state = c.getState(true);
            while ((state == io.grpc.ConnectivityState.IDLE || state == io.grpc.ConnectivityState.CONNECTING)
                    && System.nanoTime() < until) {
                Thread.sleep(10);
                state = c.getState(true);
            }
        }
        connected = true;
    }

    @BeforeEach
    void cleanState() throws InterruptedException {
        connectOnce();
        // Answers of the previous test may still sit in the audit queue; write them before emptying.
        auditLog.flush();
        TestDatabase.truncateAll(DelegatingDataSource.unwrapDataSource(dataSource));
        POLICY.reset();
        policyClient.invalidateAll();
        ATTENDANCE.reset();
        RELAY.reset();
        attendanceClient.invalidateAll();
    }
}
