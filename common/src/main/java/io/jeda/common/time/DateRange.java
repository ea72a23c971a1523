package io.jeda.common.time;

import io.jeda.common.error.JedaException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants Jeda accepts from a caller, checked in this one place by every service's
 * mappers: a plan, a day exception, a calendar day, an absence, a roster, a schedule query or a
 * reachability time outside it is INVALID_ARGUMENT naming the field, never a failure of the
 * database or of printing the date. The range is the setting {@code jeda.dates.min} ..
 * {@code jeda.dates.max} (JEDA_DATES_MIN / JEDA_DATES_MAX), by default 1900-01-01 .. 2199-12-31: every
 * date a working arrangement or an officer's record can have, well inside what the database's DATE
 * and DATETIME columns (years 1000-9999) and protobuf's Timestamp (years 1-9999) hold.
 *
 * <p>The range is set once at start-up by {@link DateRangeSettings}; code without an application
 * context (tools, unit tests) gets the default.
 */
public final class DateRange {

    public static final LocalDate DEFAULT_MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate DEFAULT_MAX = LocalDate.of(2199, 12, 31);
    /** The reason of a date or instant outside the range. */
    public static final String OUT_OF_RANGE = "DATE_OUT_OF_RANGE";

    /** protobuf's Timestamp: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z. */
    private static final long TIMESTAMP_MIN_SECONDS = -62_135_596_800L;
    private static final long TIMESTAMP_MAX_SECONDS = 253_402_300_799L;

    private static volatile DateRange current = new DateRange(DEFAULT_MIN, DEFAULT_MAX);

    private final LocalDate min;
    private final LocalDate max;

    public DateRange(LocalDate min, LocalDate max) {
        if (min.isAfter(max)) {
            throw new IllegalArgumentException("jeda.dates.min " + min + " is after jeda.dates.max " + max);
        }
        this.min = min;
        this.max = max;
    }

    public static DateRange current() {
        return current;
    }

    static void use(DateRange range) {
        current = range;
    }

    public LocalDate min() {
        return min;
    }

    public LocalDate max() {
        return max;
    }

    /** {@code date} when inside the range; otherwise INVALID_ARGUMENT naming the field. */
    public LocalDate check(LocalDate date, String field) {
        if (date.isBefore(min) || date.isAfter(max)) {
            throw outOfRange(field, date.toString());
        }
        return date;
    }

    /** A date from its parts (a {@code google.type.Date}), valid and inside the range. */
    public LocalDate date(int year, int month, int day, String field) {
        LocalDate d;
        try {
            d = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw JedaException.invalidField(field, field + " is not a valid date: " + e.getMessage());
        }
        return check(d, field);
    }

    /** A date written as ISO 8601 (YYYY-MM-DD), valid and inside the range. */
    public LocalDate parse(String value, String field) {
        LocalDate d;
        try {
            d = LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw JedaException.invalidField(field, field + " must be a date as YYYY-MM-DD");
        }
        return check(d, field);
    }

    /**
     * An instant from a {@code google.protobuf.Timestamp}'s seconds and nanos: nanos 0..999,999,999,
     * and a day inside the range (which is inside the Timestamp's own range).
     */
    public Instant instant(long seconds, int nanos, String field) {
        if (nanos < 0 || nanos > 999_999_999) {
            throw JedaException.of(io.jeda.common.error.ErrorKind.INVALID_ARGUMENT, "INVALID_TIMESTAMP",
                    field + " has nanos " + nanos + "; they must be 0 to 999999999", "field", field,
                    "nanos", String.valueOf(nanos));
        }
        if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS) {
            throw outOfRange(field, seconds + " s since 1970");
        }
        Instant i = Instant.ofEpochSecond(seconds, nanos);
        check(i.atOffset(ZoneOffset.UTC).toLocalDate(), field);
        return i;
    }

    /** {@code instant} when its day (UTC) is inside the range. */
    public Instant check(Instant instant, String field) {
        if (instant.isBefore(Instant.ofEpochSecond(TIMESTAMP_MIN_SECONDS))
                || instant.isAfter(Instant.ofEpochSecond(TIMESTAMP_MAX_SECONDS, 999_999_999))) {
            throw outOfRange(field, instant.getEpochSecond() + " s since 1970");
        }
        check(instant.atOffset(ZoneOffset.UTC).toLocalDate(), field);
        return instant;
    }

    private JedaException outOfRange(String field, String value) {
        return JedaException.of(io.jeda.common.error.ErrorKind.INVALID_ARGUMENT, OUT_OF_RANGE,
                field + " is " + value + "; dates from " + min + " to " + max + " are accepted",
                "field", field, "value", value, "min", min.toString(), "max", max.toString());
    }
}
