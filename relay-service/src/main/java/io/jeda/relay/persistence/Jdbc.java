package io.jeda.relay.persistence;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Transactions on the raw pool, and the one dialect difference the workers need: the lock clause
 * of a claim. {@code FOR UPDATE SKIP LOCKED} on MySQL 8 and MariaDB 10.6+ lets replicas claim
 * different rows at once; H2 has no SKIP LOCKED, so there a claim waits for the other one's
 * commit (local runs have one replica). The product is read once, from the first connection.
 */
@Singleton
public class Jdbc {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private volatile String lockClause;

    public Jdbc(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Runs the work in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The lock clause of a claim on this database. */
    public String lockClause() {
        String clause = lockClause;
        if (clause == null) {
            clause = tx(c -> c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
                    ? "FOR UPDATE" : "FOR UPDATE SKIP LOCKED");
            lockClause = clause;
        }
        return clause;
    }

    static void set(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else if (v instanceof Instant t) {
            ps.setLong(i, t.toEpochMilli());
        } else if (v instanceof Timestamp t) {
            ps.setLong(i, t.getTime());
        } else {
            ps.setObject(i, v);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            set(ps, i + 1, args[i]);
        }
        return ps;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** A database failure; callers see INTERNAL without SQL text (the error interceptor's rule). */
    public static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super("database failure: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
