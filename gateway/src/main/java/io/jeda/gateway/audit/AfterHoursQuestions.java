package io.jeda.gateway.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wellbeing report's read of the audit log: per officer, how many questions asked about them
 * while they were after hours were answered "reachable" and how many "wait". One grouped query per
 * 500 officers, on plain columns with a time range (asked_at) so that a table partitioned by day
 * reads only the month's partitions.
 */
@Singleton
public class AfterHoursQuestions {

    /** Questions answered reachable and answered wait. */
    public record Counts(int reachable, int waiting) {
    }

    private final DataSource dataSource;
    private final AuditLog log;

    public AfterHoursQuestions(DataSource dataSource, AuditLog log) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.log = log;
    }

    /**
     * Counts of the officers in [from, to) (UTC), officers without any absent.
     *
     * @throws SQLException when the database does not answer (the report then says the part is missing)
     */
    public Map<String, Counts> count(List<String> nips, Instant from, Instant to, List<String> states,
                                     Duration timeout) throws SQLException {
        // Answers still queued in memory would otherwise be missing from the month.
        log.flush();
        Map<String, int[]> raw = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < nips.size(); i += 500) {
                List<String> chunk = nips.subList(i, Math.min(nips.size(), i + 500));
                String sql = "SELECT officer_nip, reachable, COUNT(*) FROM reachability_audit"
                        + " WHERE asked_at >= ? AND asked_at < ?"
                        + " AND officer_nip IN (" + marks(chunk.size()) + ")"
                        + " AND state IN (" + marks(states.size()) + ")"
                        + " GROUP BY officer_nip, reachable";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                    int p = 1;
                    ps.setTimestamp(p++, utc(from));
                    ps.setTimestamp(p++, utc(to));
                    for (String n : chunk) {
                        ps.setString(p++, n);
                    }
                    for (String s : states) {
                        ps.setString(p++, s);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int[] v = raw.computeIfAbsent(rs.getString(1), k -> new int[2]);
                            v[rs.getBoolean(2) ? 0 : 1] += rs.getInt(3);
                        }
                    }
                }
            }
        }
        Map<String, Counts> out = new HashMap<>();
        raw.forEach((nip, v) -> out.put(nip, new Counts(v[0], v[1])));
        return out;
    }

    /** asked_at holds UTC wall-clock time, as the audit writer stores it. */
    private static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
