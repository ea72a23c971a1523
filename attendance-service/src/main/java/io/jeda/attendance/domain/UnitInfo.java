package io.jeda.attendance.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The parts of a unit attendance uses: its zone, its office geofences, its day-close time and its
 * parent (null for a top unit), by which the admin scope of HR and ADMIN callers is checked.
 */
public record UnitInfo(String unitId, ZoneId timeZone, List<Circle> offices, LocalTime dayCloseTime,
                       String parentId) {

    public UnitInfo {
        offices = List.copyOf(offices);
    }

    /** A unit without a parent. */
    public UnitInfo(String unitId, ZoneId timeZone, List<Circle> offices, LocalTime dayCloseTime) {
        this(unitId, timeZone, offices, dayCloseTime, null);
    }
}
