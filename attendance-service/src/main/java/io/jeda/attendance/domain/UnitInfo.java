package io.jeda.attendance.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The parts of a unit attendance uses: its zone, its office geofences and its day-close time. */
public record UnitInfo(String unitId, ZoneId timeZone, List<Circle> offices, LocalTime dayCloseTime) {

    public UnitInfo {
        offices = List.copyOf(offices);
    }
}
