package io.jeda.gateway.audit;

import io.jeda.common.sql.RangePartitions;
import io.jeda.common.sql.SqlVendor;
import io.jeda.gateway.GatewayTestBase;
import io.jeda.testing.PartitionPlans;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The daily partitions of the audit log on the real database (MariaDB or MySQL; skipped on H2,
 * which keeps a plain table): days made ahead, days past the retention dropped with their rows and
 * the rest kept to the row, writes into today and tomorrow, replays still adding nothing, and the
 * plans of the audit's queries reading only the days they ask about.
 */
class AuditPartitionsTest extends GatewayTestBase {

    private static final LocalDate T = LocalDate.now(ZoneOffset.UTC);

    @Inject
    AuditPartitions partitions;

    @Inject
    AuditRetention retention;

    @Inject
    AuditBatchWriter writer;

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.gateway.audit.partitions.ahead", "3", "jeda.gateway.audit.retention.keep", "5d");
    }

    private DataSource pool() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Back to the layout the migration makes: today (and every day before), then pmax. */
    @BeforeEach
    void freshLayout() throws SQLException {
        try (Connection c = pool().getConnection()) {
            Assumptions.assumeTrue(SqlVendor.of(c).hasNativePartitioning(), "H2 keeps a plain audit table");
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE reachability_audit PARTITION BY RANGE COLUMNS (asked_at) (PARTITION "
                        + name(T) + " VALUES LESS THAN ('" + T.plusDays(1) + " 00:00:00'),"
                        + " PARTITION pmax VALUES LESS THAN (MAXVALUE))");
            }
        }
    }

    @AfterAll
    void layoutForTheOtherTests() throws SQLException {
        try (Connection c = pool().getConnection()) {
            if (SqlVendor.of(c).hasNativePartitioning()) {
                freshLayout();
            }
        }
    }

    private static String name(LocalDate d) {
        return "p" + d.toString().replace("-", "");
    }

    private static Instant noon(LocalDate d) {
        return d.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private List<String> names() throws SQLException {
        return partitions.partitions().stream().map(RangePartitions.Partition::name).toList();
    }

    private static AuditEntry entry(Instant at, String nip) {
        return new AuditEntry(null, at, "desk-1", nip, "ROUTINE", "OFF_DUTY", false, false, UUID.randomUUID().toString());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pool().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void daysAheadAreMadeAndDaysPastTheRetentionDroppedWithTheirRows() throws SQLException {
        RangePartitions.Outcome first = partitions.maintain(noon(T));
        assertEquals(List.of(name(T.plusDays(1)), name(T.plusDays(2)), name(T.plusDays(3))), first.added());
        for (int i = 0; i <= 3; i++) {
            writer.insert(List.of(entry(noon(T.plusDays(i)), "d" + i)));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM reachability_audit PARTITION (" + name(T.plusDays(2)) + ")"));

        // A week on, keeping 5 days: the days before T+2 go whole; the retention then deletes, row by
        // row, only what is older than the cut-off in the day it falls in (T+2 13:00).
        LocalDate later = T.plusDays(7);
        RangePartitions.Outcome o = partitions.maintain(noon(later));
        assertEquals(List.of(name(T), name(T.plusDays(1))), o.dropped());
        assertEquals(List.of(name(T.plusDays(2)), name(T.plusDays(3)), name(T.plusDays(4)), name(T.plusDays(5)),
                name(T.plusDays(6)), name(T.plusDays(7)), name(T.plusDays(8)), name(T.plusDays(9)),
                name(T.plusDays(10)), "pmax"), names());
        assertEquals(2, count("SELECT COUNT(*) FROM reachability_audit"));
        assertEquals(1, retention.purge(noon(later).plusSeconds(3600)));
        assertEquals(1, count("SELECT COUNT(*) FROM reachability_audit WHERE officer_nip = 'd3'"));
        assertEquals(1, count("SELECT COUNT(*) FROM reachability_audit"));

        // Today and tomorrow take writes, each in its day; a replayed entry still adds nothing.
        AuditEntry today = entry(noon(later), "today");
        writer.insert(List.of(today, entry(noon(later.plusDays(1)), "tomorrow")));
        writer.insert(List.of(today));
        assertEquals(1, count("SELECT COUNT(*) FROM reachability_audit PARTITION (" + name(later) + ")"));
        assertEquals(1, count("SELECT COUNT(*) FROM reachability_audit PARTITION (" + name(later.plusDays(1)) + ")"));
        assertEquals(3, count("SELECT COUNT(*) FROM reachability_audit"));
    }

    private Set<String> used(String table, String sql, Object... params) throws SQLException {
        try (Connection c = pool().getConnection()) {
            return PartitionPlans.used(c, table, sql, params);
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Test
    void theAuditQueriesReadOnlyTheDaysTheyAskAbout() throws SQLException {
        partitions.maintain(noon(T));
        partitions.maintain(noon(T.plusDays(2)));
        writer.insert(List.of(entry(noon(T.plusDays(2)), "198503152010011001")));
        // "Who asked about me": the window's days (here from T+1 to tomorrow) and no others.
        String inquiries = context.getBeanDefinition(AuditRepository.class)
                .getRequiredMethod("listByOfficer", String.class, Instant.class, Instant.class, int.class, long.class)
                .stringValue(Query.class).orElseThrow();
        Instant now = noon(T.plusDays(2));
        assertEquals(Set.of(name(T.plusDays(1)), name(T.plusDays(2)), name(T.plusDays(3))),
                used("reachability_audit", inquiries, "198503152010011001", utc(now.minusSeconds(86400)),
                        utc(now.plusSeconds(86400)), 51, 0));
        // Retention's search for the rows left older than the cut-off: the old days only.
        assertEquals(Set.of(name(T)), used("reachability_audit",
                "SELECT MIN(id) FROM reachability_audit WHERE asked_at < ?", utc(noon(T))));
    }
}
