package io.jeda.gateway.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes a batch of audit rows as one multi-row INSERT: one statement and one commit per batch.
 * The repository's {@code saveAll} cannot batch here, because Micronaut Data inserts rows with a
 * database-generated id one statement at a time on MySQL, and one durable commit per answer is what
 * limited the gateway under load. Plain {@code INSERT ... VALUES (...), (...)} runs on MySQL, MariaDB
 * and H2 alike and needs no driver setting. Instants are bound as Micronaut Data binds them
 * ({@link Timestamp#from}), so reads through {@link AuditRepository} see the same values.
 */
@Singleton
public class AuditBatchWriter {

    private static final String INSERT = "INSERT INTO reachability_audit "
            + "(asked_at, client_id, officer_nip, urgency, state, reachable, degraded) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public AuditBatchWriter(DataSource dataSource) {
        // The pool itself: the injected bean hands out only the connection of a surrounding
        // transaction, and the drainer has none (nor wants one: the INSERT commits by itself).
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Inserts every row in one statement; all or nothing. */
    public void insert(List<AuditEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(INSERT.length() + rows.size() * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (AuditEntry e : rows) {
                ps.setTimestamp(p++, Timestamp.from(e.askedAt()));
                ps.setString(p++, e.clientId());
                ps.setString(p++, e.officerNip());
                ps.setString(p++, e.urgency());
                ps.setString(p++, e.state());
                ps.setBoolean(p++, e.reachable());
                ps.setBoolean(p++, e.degraded());
            }
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not insert " + rows.size() + " audit rows: " + e.getMessage(), e);
        }
    }
}
