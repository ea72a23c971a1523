package io.jeda.gateway.calendar;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The secret URLs of calendar feeds in the gateway's database. A feed's secret is 32 random bytes
 * (base64url) and only its SHA-256 is stored; making a new feed for a subject revokes the earlier one
 * in the same transaction, so each officer or roster has at most one live URL.
 */
@Singleton
public class CalendarFeedStore {

    /** Whose calendar a feed shows. */
    public enum Kind { OFFICER, ROSTER }

    /** A live feed: whose it is. */
    public record Feed(Kind kind, String subject, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public CalendarFeedStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A new secret for the subject's feed (the earlier one stops working); the secret itself. */
    public String replace(Kind kind, String subject, String createdBy, Instant now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        inTransaction(c -> {
            revoke(c, kind, subject, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_feed (token_hash, kind, subject, "
                    + "created_by, created_at, revoked_at) VALUES (?,?,?,?,?,NULL)")) {
                ps.setString(1, hash(secret));
                ps.setString(2, kind.name());
                ps.setString(3, subject);
                ps.setString(4, createdBy);
                ps.setLong(5, now.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return secret;
    }

    /** Revokes the subject's live feed; how many were revoked (0 or 1). */
    public int revoke(Kind kind, String subject, Instant now) {
        return inTransaction(c -> revoke(c, kind, subject, now));
    }

    /** The live feed with this secret. */
    public Optional<Feed> find(String secret) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, subject, created_at FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Feed(Kind.valueOf(rs.getString(1)), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)))) : Optional.<Feed>empty();
                }
            }
        });
    }

    private static int revoke(Connection c, Kind kind, String subject, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE calendar_feed SET revoked_at = ? "
                + "WHERE kind = ? AND subject = ? AND revoked_at IS NULL")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, kind.name());
            ps.setString(3, subject);
            return ps.executeUpdate();
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("calendar feed store: " + e.getMessage(), e);
        }
    }
}
