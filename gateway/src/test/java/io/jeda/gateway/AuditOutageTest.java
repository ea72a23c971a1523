package io.jeda.gateway;

import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.TcpProxy;
import io.jeda.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answers given while the gateway's database is away are audited, each exactly once, when it is
 * back. The database server is shared and keeps running: the gateway reaches it through a
 * {@link TcpProxy} that the test cuts.
 */
class AuditOutageTest extends GatewayTestBase {

    static final int N = 40;
    private static TcpProxy proxy;

    @Inject
    MeterRegistry registry;

    /** async (the default) or sync. */
    protected String mode() {
        return "async";
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        String url = io.jeda.testing.TestDatabase.properties("gateway").get("datasources.default.url");
        if (!url.startsWith("jdbc:mysql:")) {
            throw new IllegalStateException("the outage test needs a MySQL server (JEDA_TEST_JDBC_URL), not " + url);
        }
        proxy = TcpProxy.forJdbcUrl(url);
        p.put("datasources.default.url", proxy.jdbcUrl(url));
        p.put("datasources.default.connection-timeout", "1000");
        p.put("jeda.gateway.audit.mode", mode());
        p.put("jeda.gateway.audit.spool.replay-interval", "300ms");
        p.putAll(spoolSettings());
        try {
            p.put("jeda.gateway.audit.spool.dir", Files.createTempDirectory("audit-spool").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    protected Map<String, String> spoolSettings() {
        return Map.of();
    }

    static TcpProxy proxy() {
        return proxy;
    }

    @AfterEach
    void databaseIsBack() {
        proxy.restore();
    }

    ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency(String client) {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(client, Role.AGENCY));
    }

    static GetReachabilityRequest question() {
        return GetReachabilityRequest.newBuilder().setOfficer("officers/" + FakePolicyService.OFFICER)
                .setUrgency(Urgency.URGENCY_ROUTINE).build();
    }

    /** Rows counted on the database directly, not through the proxy. */
    static long rows() {
        Map<String, String> db = io.jeda.testing.TestDatabase.properties("gateway");
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"),
                db.get("datasources.default.username"), db.get("datasources.default.password"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM reachability_audit")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long waitForRows(long expected) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        long n = rows();
        while (n < expected && System.nanoTime() < until) {
            Thread.sleep(100);
            n = rows();
        }
        return n;
    }

    double meter(String name) {
        var c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }

    @Inject
    io.jeda.gateway.audit.AuditBatchWriter writer;

    @Test
    void writingTheSameEntriesAgainAddsNoRow() {
        var entries = java.util.List.of(
                new io.jeda.gateway.audit.AuditEntry(null, java.time.Instant.now(), "desk-1", FakePolicyService.OFFICER,
                        "ROUTINE", "OFF_DUTY", false, false, java.util.UUID.randomUUID().toString()),
                new io.jeda.gateway.audit.AuditEntry(null, java.time.Instant.now(), "desk-2", FakePolicyService.OFFICER,
                        "ROUTINE", "OFF_DUTY", false, false, java.util.UUID.randomUUID().toString()));
        writer.insert(entries);
        writer.insert(entries);
        writer.insert(entries.subList(1, 2));
        assertEquals(2, rows());
    }

    @Test
    void everyAnswerGivenWhileTheDatabaseIsCutIsAuditedExactlyOnceWhenItIsBack() throws InterruptedException {
        agency("desk-before").getReachability(question());
        assertEquals(1, waitForRows(1));

        proxy.cut();
        for (int i = 0; i < N; i++) {
            agency("desk-" + i).getReachability(question());
        }
        // The drainer (async) has handed every answer to the database or the spool.
        auditLog.flush();
        assertEquals(1, rows(), "nothing reached the database while it was cut");

        proxy.restore();
        assertEquals(N + 1, waitForRows(N + 1), "every answer given during the outage is audited");
        Thread.sleep(1000); // a few more replay rounds: nothing is written twice
        assertEquals(N + 1, rows(), "no answer is audited twice");
        assertEquals(N, meter("jeda.audit.spooled"), 0.0);
        assertEquals(N, meter("jeda.audit.replayed"), 0.0);
        assertEquals(0, meter("jeda.audit.dropped"), 0.0);
    }
}
