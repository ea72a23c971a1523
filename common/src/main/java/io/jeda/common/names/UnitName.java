package io.jeda.common.names;

/**
 * A unit, {@code units/{unit_id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record UnitName(String unitId) {

    public static final String PATTERN = "units/{unit_id}";

    public UnitName {
        ResourceNames.requireId(unitId, PATTERN, "name");
    }

    public static UnitName of(String unitId) {
        return new UnitName(unitId);
    }

    /** Parses the {@code name} field of a request. */
    public static UnitName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static UnitName parse(String name, String field) {
        return new UnitName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code units/{unit_id}}. */
    @Override
    public String toString() {
        return "units/" + unitId;
    }
}
