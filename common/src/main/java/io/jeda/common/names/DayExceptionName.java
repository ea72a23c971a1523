package io.jeda.common.names;

/**
 * A day exception, {@code dayExceptions/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record DayExceptionName(String dayExceptionId) {

    public static final String PATTERN = "dayExceptions/{id}";

    public DayExceptionName {
        ResourceNames.requireId(dayExceptionId, PATTERN, "name");
    }

    public static DayExceptionName of(String dayExceptionId) {
        return new DayExceptionName(dayExceptionId);
    }

    /** Parses the {@code name} field of a request. */
    public static DayExceptionName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static DayExceptionName parse(String name, String field) {
        return new DayExceptionName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code dayExceptions/{id}}. */
    @Override
    public String toString() {
        return "dayExceptions/" + dayExceptionId;
    }
}
