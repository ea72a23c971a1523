package io.jeda.common.names;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One officer's attendance day, {@code officers/{nip}/attendanceDays/{yyyy-mm-dd}} (the officer's
 * local date). A malformed name or an impossible date is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record AttendanceDayName(String nip, LocalDate date) {

    public static final String PATTERN = "officers/{nip}/attendanceDays/{yyyy-mm-dd}";

    public AttendanceDayName {
        ResourceNames.requireId(nip, PATTERN, "name");
        if (date == null) {
            throw ResourceNames.invalid(null, PATTERN, "name");
        }
    }

    public static AttendanceDayName of(String nip, LocalDate date) {
        return new AttendanceDayName(nip, date);
    }

    public static AttendanceDayName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static AttendanceDayName parse(String name, String field) {
        String[] ids = ResourceNames.parse(name, PATTERN, field);
        LocalDate date;
        try {
            date = LocalDate.parse(ids[1]);
        } catch (DateTimeParseException e) {
            throw ResourceNames.invalid(name, PATTERN, field);
        }
        return new AttendanceDayName(ids[0], io.jeda.common.time.DateRange.current().check(date, field));
    }

    public OfficerName parent() {
        return new OfficerName(nip);
    }

    @Override
    public String toString() {
        return "officers/" + nip + "/attendanceDays/" + date;
    }
}
