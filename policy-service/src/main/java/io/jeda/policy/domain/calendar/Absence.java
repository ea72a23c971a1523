package io.jeda.policy.domain.calendar;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** An officer's leave or official travel over local dates, inclusive. */
@MappedEntity("absence")
public record Absence(@Id String id, String officerNip, AbsenceKind kind, LocalDate startDate, LocalDate endDate,
                      String description, Instant createdAt) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
