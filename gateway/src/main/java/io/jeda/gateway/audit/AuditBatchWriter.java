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
 * Writes a batch of audit rows as one JDBC batch: one round trip and one commit per batch. The
 * repository's {@code saveAll} cannot batch here, because Micronaut Data inserts rows with a
 * database-generated id one statement at a time on MySQL, and one durable commit per answer is
 * what limited the gateway under load. With Connector/J's {@code rewriteBatchedStatements} (on by
 * default in application.yml) the batch goes to MySQL as one multi-row INSERT built from the
 * single-row statement parsed once; H2 runs it as a batch. Instants are bound as Micronaut Data
 * binds them ({@link Timestamp#from}), so reads through {@link AuditRepository} see the same values.
 */
@Singleton
public class AuditBatchWriter {

    /** Idempotent: an entry whose id is already stored (a replay of the spool) adds nothing. */
    private static final String INSERT = "INSERT INTO reachability_audit "
            + "(asked_at, client_id, officer_nip, urgency, state, reachable, degraded, entry_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE entry_id = entry_id";

    private final DataSource dataSource;

    public AuditBatchWriter(DataSource dataSource) {
        // The pool itself: the injected bean hands out only the connection of a surrounding
        // transaction, and the drainer has none.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Inserts every row in one transaction; all or nothing. */
    public void insert(List<AuditEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (AuditEntry e : rows) {
                    ps.setTimestamp(1, Timestamp.from(e.askedAt()));
                    ps.setString(2, e.clientId());
                    ps.setString(3, e.officerNip());
                    ps.setString(4, e.urgency());
                    ps.setString(5, e.state());
                    ps.setBoolean(6, e.reachable());
                    ps.setBoolean(7, e.degraded());
                    ps.setString(8, e.entryId());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not insert " + rows.size() + " audit rows: " + e.getMessage(), e);
        }
    }
}
