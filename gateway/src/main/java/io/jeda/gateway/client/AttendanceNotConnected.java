package io.jeda.gateway.client;

import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sources;
import io.jeda.gateway.reachability.Sourced;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * PLACEHOLDER until the attendance-service client exists: the jeda.attendance.v1 API is not on this
 * branch yet. It reports attendance as unavailable, so every answer is honestly marked degraded
 * with {@code attendance-service} and rests on the schedule alone (state EXPECTED, never AVAILABLE).
 * Replace it with a real {@link AttendanceSource} bean; this one is {@code @Secondary}, so any
 * other implementation wins.
 */
@Singleton
@Secondary
public class AttendanceNotConnected implements AttendanceSource {

    @Override
    public Sourced<AttendanceNow> attendance(String nip) {
        return Sourced.unavailable(Sources.ATTENDANCE);
    }
}
