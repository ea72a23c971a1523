package io.jeda.gateway.audit;

import io.jeda.gateway.GatewayTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Audit-log retention on the real database: rows asked more than the retention period ago are
 * deleted, newer ones stay, whatever the batch size; 0 keeps everything.
 */
class AuditRetentionTest extends GatewayTestBase {

    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        // Small batches, so that a purge takes several statements.
        return Map.of("jeda.gateway.audit.retention.batch-size", "3");
    }

    private void insert(Instant askedAt, String nip) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO reachability_audit "
                     + "(asked_at, client_id, officer_nip, urgency, state, reachable, degraded) VALUES (?, 'desk-1', ?, 'ROUTINE', 'WORKING', TRUE, FALSE)")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(askedAt, ZoneOffset.UTC)));
            s.setString(2, nip);
            s.executeUpdate();
        }
    }

    private List<String> remaining() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT officer_nip FROM reachability_audit ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void rowsOlderThanTheRetentionPeriodAreDeletedAndNewerOnesKept() throws SQLException {
        AuditRetention retention = context.getBean(AuditRetention.class);
        assertEquals(Duration.ofDays(400), retention.retention(), "the default period");
        for (int i = 0; i < 8; i++) {
            insert(NOW.minus(Duration.ofDays(500 - i)), "old-" + i);
        }
        insert(NOW.minus(Duration.ofDays(401)), "old-just");
        insert(NOW.minus(Duration.ofDays(399)), "kept-just");
        insert(NOW.minus(Duration.ofDays(1)), "kept-new");

        assertEquals(9, retention.purge(NOW));
        assertEquals(List.of("kept-just", "kept-new"), remaining());
        assertEquals(0, retention.purge(NOW), "a second run finds nothing");
    }

    @Test
    void zeroKeepsEverything() throws SQLException {
        insert(NOW.minus(Duration.ofDays(5000)), "ancient");
        AuditRetention forever = new AuditRetention(dataSource, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Duration.ZERO, 100);
        assertEquals(0, forever.purge(NOW));
        assertEquals(List.of("ancient"), remaining());
    }
}
