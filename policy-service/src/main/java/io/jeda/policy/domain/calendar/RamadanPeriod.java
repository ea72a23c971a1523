package io.jeda.policy.domain.calendar;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A Ramadan period in which working hours change, dates local and inclusive. */
@MappedEntity("ramadan_period")
public record RamadanPeriod(@Id String id, LocalDate startDate, LocalDate endDate, int weeklyWorkMinutes,
                            LocalTime startTime, int breakMinutes, int fridayBreakMinutes, Instant createdAt) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
