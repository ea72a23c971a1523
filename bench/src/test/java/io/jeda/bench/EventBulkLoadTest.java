package io.jeda.bench;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** generate --events-only on the real database: the tables end as the migrations make them, every event with its key. */
class EventBulkLoadTest {

    private static final String URL = System.getenv("JEDA_TEST_JDBC_URL");

    private static String base() {
        String u = URL.contains("?") ? URL.substring(0, URL.indexOf('?')) : URL;
        return u.substring(0, u.indexOf('/', "jdbc:mysql://".length()));
    }

    private static String prefix() {
        String u = URL.contains("?") ? URL.substring(0, URL.indexOf('?')) : URL;
        return u.substring(u.lastIndexOf('/') + 1);
    }

    @Test
    void loadedTablesAreTheMigratedOnesAndEveryEventHasItsKey() throws Exception {
        assumeTrue(URL != null && URL.startsWith("jdbc:mysql:"), "needs a MySQL/MariaDB test database (JEDA_TEST_JDBC_URL)");
        String loaded = prefix() + "_bench_loaded";
        String migrated = prefix() + "_bench_migrated";
        NationalGenerator.run(Map.of("events-only", "true", "fresh", "true", "officers", "3040", "event-days", "3",
                "threads", "2", "jdbc", base(), "attendance-db", loaded));
        try (Connection c = DriverManager.getConnection(base() + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + migrated + "`");
            s.execute("CREATE DATABASE `" + migrated + "`");
        }
        Flyway.configure().dataSource(base() + "/" + migrated + "?useSSL=false&allowPublicKeyRetrieval=true", "root", "")
                .locations("classpath:db/jeda-attendance", "classpath:db/jeda-attendance-mysql").load().migrate();
        try (Connection c = DriverManager.getConnection(base() + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "")) {
            for (String table : new String[]{"attendance_event", "attendance_key"}) {
                // Without the partition list: a history reaching into last month has a partition of its own.
                assertEquals(withoutPartitions(one(c, "SHOW CREATE TABLE `" + migrated + "`." + table, 2)),
                        withoutPartitions(one(c, "SHOW CREATE TABLE `" + loaded + "`." + table, 2)), table);
            }
            long events = Long.parseLong(one(c, "SELECT COUNT(*) FROM `" + loaded + "`.attendance_event", 1));
            assertTrue(events > 3040 * 5, "events: " + events);
            assertEquals(String.valueOf(events), one(c, "SELECT COUNT(*) FROM `" + loaded + "`.attendance_key", 1));
            assertEquals(String.valueOf(events), one(c, "SELECT COUNT(*) FROM `" + loaded + "`.attendance_event e JOIN `"
                    + loaded + "`.attendance_key k ON k.officer_nip = e.officer_nip AND k.idempotency_key = e.idempotency_key"
                    + " AND k.event_id = e.id AND k.local_date = e.local_date", 1));
            assertEquals(one(c, "SELECT COUNT(*) FROM `" + loaded + "`.attendance_event WHERE kind = 'CHECK_IN'", 1),
                    one(c, "SELECT COUNT(*) FROM `" + loaded + "`.attendance_event o JOIN `" + loaded
                            + "`.attendance_event i ON i.id = o.check_in_id WHERE o.kind = 'CHECK_OUT'", 1));
        }
    }

    private static String withoutPartitions(String ddl) {
        int p = ddl.indexOf(" PARTITION BY ");
        return p < 0 ? ddl : ddl.substring(0, p);
    }

    private static String one(Connection c, String sql, int column) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(column);
        }
    }
}
