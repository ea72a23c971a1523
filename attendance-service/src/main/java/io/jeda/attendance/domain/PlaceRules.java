package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;

/**
 * The rules about where a check-in may come from: position accuracy, the mode allowed by the
 * day's effective schedule, and the geofence of the mode. Pure functions, unit-tested directly.
 */
public final class PlaceRules {

    private PlaceRules() {
    }

    /** A position less accurate than the limit cannot show where the officer is. */
    public static void requireAccurate(Position p, AttendanceSettings s) {
        if (p.accuracyMeters() > s.maxAccuracyMeters()) {
            throw JedaException.failedPrecondition("POSITION_TOO_INACCURATE",
                    "the position is accurate to " + Math.round(p.accuracyMeters()) + " m; at most "
                            + Math.round(s.maxAccuracyMeters()) + " m is needed",
                    "accuracyMeters", Double.toString(p.accuracyMeters()),
                    "maxAccuracyMeters", Double.toString(s.maxAccuracyMeters()));
        }
    }

    public static void requireModeAllowed(AttendanceMode mode, ScheduleInfo schedule) {
        if (!schedule.allows(mode)) {
            throw JedaException.failedPrecondition("MODE_NOT_ALLOWED",
                    "today's schedule (" + schedule.reason() + ") does not allow attendance in mode " + mode,
                    "mode", mode.name(), "localDate", schedule.date().toString(),
                    "working", Boolean.toString(schedule.working()), "scheduleReason", schedule.reason());
        }
    }

    /**
     * OFFICE: inside one of the unit's offices; HOME: inside the domicile; OTHER: not checked,
     * because policy-service does not publish the geofences of other places.
     */
    public static void requireInsideGeofence(AttendanceMode mode, Position p, OfficerInfo officer, UnitInfo unit) {
        switch (mode) {
            case OFFICE -> {
                for (Circle office : unit.offices()) {
                    if (office.contains(p.latitude(), p.longitude())) {
                        return;
                    }
                }
                throw JedaException.failedPrecondition("OUTSIDE_GEOFENCE",
                        "the position is not inside any office of unit " + unit.unitId(),
                        "mode", mode.name(), "unit", "units/" + unit.unitId());
            }
            case HOME -> {
                if (officer.domicile() == null) {
                    throw JedaException.failedPrecondition("DOMICILE_NOT_RECORDED",
                            "no domicile is recorded for this officer, so a HOME check-in cannot be verified",
                            "mode", mode.name());
                }
                if (!officer.domicile().contains(p.latitude(), p.longitude())) {
                    throw JedaException.failedPrecondition("OUTSIDE_GEOFENCE",
                            "the position is not inside the radius of the recorded domicile", "mode", mode.name());
                }
            }
            case OTHER -> {
                // Recorded as sent; the schedule has already said OTHER is allowed today.
            }
        }
    }
}
