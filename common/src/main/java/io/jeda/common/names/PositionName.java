package io.jeda.common.names;

/**
 * A position, {@code positions/{position_id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record PositionName(String positionId) {

    public static final String PATTERN = "positions/{position_id}";

    public PositionName {
        ResourceNames.requireId(positionId, PATTERN, "name");
    }

    public static PositionName of(String positionId) {
        return new PositionName(positionId);
    }

    /** Parses the {@code name} field of a request. */
    public static PositionName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static PositionName parse(String name, String field) {
        return new PositionName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code positions/{position_id}}. */
    @Override
    public String toString() {
        return "positions/" + positionId;
    }
}
