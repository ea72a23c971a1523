package io.jeda.policy.domain.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A window of local time on a schedule's date, together with its UTC instants. Both are carried
 * because people read local times while machines (the gateway, attendance) compare instants; a
 * window whose end is not after its start ends on the next local day.
 */
public record ScheduleWindow(LocalTime start, LocalTime end, Instant startTime, Instant endTime) {

    /** The window [from, to) of local date-times in a zone. */
    public static ScheduleWindow of(LocalDateTime from, LocalDateTime to, ZoneId zone) {
        return new ScheduleWindow(from.toLocalTime(), to.toLocalTime(),
                from.atZone(zone).toInstant(), to.atZone(zone).toInstant());
    }

    /** Whether the window ends on a later local date than the one it starts on. */
    public boolean endsNextDay(LocalDate date, ZoneId zone) {
        return endTime.atZone(zone).toLocalDate().isAfter(date);
    }
}
