package io.jeda.attendance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A validated check-in or check-out request, free of transport types. */
public record CheckCommand(EventKind kind, String officerNip, AttendanceMode mode, Instant deviceTime,
                           Position position, String deviceId, String idempotencyKey) {

    /**
     * A hash of every field that gives the request its meaning. Two requests with one key are the
     * same request exactly when their fingerprints are equal.
     */
    public String fingerprint() {
        String canonical = String.join("|", kind.name(), officerNip, mode.name(),
                Long.toString(deviceTime.getEpochSecond()), Integer.toString(deviceTime.getNano()),
                Double.toString(position.latitude()), Double.toString(position.longitude()),
                Double.toString(position.accuracyMeters()), deviceId);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
