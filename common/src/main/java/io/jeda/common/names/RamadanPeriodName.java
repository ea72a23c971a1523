package io.jeda.common.names;

/**
 * A Ramadan period, {@code ramadanPeriods/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record RamadanPeriodName(String ramadanPeriodId) {

    public static final String PATTERN = "ramadanPeriods/{id}";

    public RamadanPeriodName {
        ResourceNames.requireId(ramadanPeriodId, PATTERN, "name");
    }

    public static RamadanPeriodName of(String ramadanPeriodId) {
        return new RamadanPeriodName(ramadanPeriodId);
    }

    /** Parses the {@code name} field of a request. */
    public static RamadanPeriodName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static RamadanPeriodName parse(String name, String field) {
        return new RamadanPeriodName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code ramadanPeriods/{id}}. */
    @Override
    public String toString() {
        return "ramadanPeriods/" + ramadanPeriodId;
    }
}
