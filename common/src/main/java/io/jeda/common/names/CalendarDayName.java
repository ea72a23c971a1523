package io.jeda.common.names;

/**
 * A calendar day (holiday or collective leave), {@code calendarDays/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record CalendarDayName(String calendarDayId) {

    public static final String PATTERN = "calendarDays/{id}";

    public CalendarDayName {
        ResourceNames.requireId(calendarDayId, PATTERN, "name");
    }

    public static CalendarDayName of(String calendarDayId) {
        return new CalendarDayName(calendarDayId);
    }

    /** Parses the {@code name} field of a request. */
    public static CalendarDayName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static CalendarDayName parse(String name, String field) {
        return new CalendarDayName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code calendarDays/{id}}. */
    @Override
    public String toString() {
        return "calendarDays/" + calendarDayId;
    }
}
