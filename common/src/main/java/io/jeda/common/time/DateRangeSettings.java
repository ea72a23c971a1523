package io.jeda.common.time;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.time.LocalDate;

/** Sets {@link DateRange#current()} from {@code jeda.dates.min} and {@code jeda.dates.max} when a service starts. */
@Context
public class DateRangeSettings {

    public DateRangeSettings(@Value("${jeda.dates.min:1900-01-01}") String min,
                             @Value("${jeda.dates.max:2199-12-31}") String max) {
        DateRange.use(new DateRange(LocalDate.parse(min.trim()), LocalDate.parse(max.trim())));
    }
}
