package io.jeda.gateway.client;

import io.jeda.common.names.OfficerName;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.WorkLocation;

import java.time.Instant;

/**
 * The only place that knows both the jeda.attendance.v1 messages and the engine's
 * {@link AttendanceNow}, so that the engine stays free of generated code and a change of the
 * attendance API touches one class.
 */
final class AttendanceMapper {

    private AttendanceMapper() {
    }

    /**
     * The status as the engine sees it, with the last check-out attendance-service knows of (null
     * when it reports none, so no rest is invented).
     */
    static AttendanceNow now(OfficerStatus s) {
        Instant lastCheckOut = s.hasLastCheckOutTime() ? PolicyMapper.instant(s.getLastCheckOutTime()) : null;
        if (!s.getCheckedIn()) {
            return new AttendanceNow(false, null, null, lastCheckOut);
        }
        Instant since = s.hasSince() ? PolicyMapper.instant(s.getSince()) : null;
        return new AttendanceNow(true, mode(s.getMode()), since, lastCheckOut);
    }

    /** The check-in mode; null when attendance-service sent none we know, so no place is claimed. */
    static WorkLocation mode(AttendanceMode m) {
        return switch (m) {
            case ATTENDANCE_MODE_OFFICE -> WorkLocation.OFFICE;
            case ATTENDANCE_MODE_HOME -> WorkLocation.HOME;
            case ATTENDANCE_MODE_OTHER -> WorkLocation.OTHER;
            case ATTENDANCE_MODE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static String name(String nip) {
        return OfficerName.of(nip).toString();
    }

    static String nip(String name) {
        return PolicyMapper.strip(name, "officers/");
    }
}
