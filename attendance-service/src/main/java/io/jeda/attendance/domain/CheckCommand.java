package io.jeda.attendance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A validated check-in or check-out request, free of transport types.
 *
 * @param deviceClock what the device knew of its clock at its last contact with the server; null when
 *                    it sent nothing (not part of the request's meaning: a retry may send it or not)
 */
public record CheckCommand(EventKind kind, String officerNip, AttendanceMode mode, Instant deviceTime,
                           Position position, String deviceId, String idempotencyKey, DeviceClock deviceClock) {

    /**
     * The server's clock minus the device's at the device's last contact with the server, and the
     * server's time then.
     */
    public record DeviceClock(Duration offset, Instant lastContact) {
    }

    public CheckCommand(EventKind kind, String officerNip, AttendanceMode mode, Instant deviceTime,
                        Position position, String deviceId, String idempotencyKey) {
        this(kind, officerNip, mode, deviceTime, position, deviceId, idempotencyKey, null);
    }

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
