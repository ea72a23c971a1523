package io.jeda.attendance.domain;

import java.util.List;

/** One officer's settled days of a month, for the recap and the export. */
public record OfficerMonth(String officerNip, String timeZone, List<DaySummary> days, String displayName) {

    public OfficerMonth(String officerNip, String timeZone, List<DaySummary> days) {
        this(officerNip, timeZone, days, "");
    }

    public OfficerMonth {
        days = List.copyOf(days);
        displayName = displayName == null ? "" : displayName;
    }

    public int count(DayStatus status) {
        return (int) days.stream().filter(d -> d.status() == status).count();
    }
}
