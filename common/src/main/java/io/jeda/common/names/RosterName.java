package io.jeda.common.names;

/**
 * A roster, {@code rosters/{roster_id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record RosterName(String rosterId) {

    public static final String PATTERN = "rosters/{roster_id}";

    public RosterName {
        ResourceNames.requireId(rosterId, PATTERN, "name");
    }

    public static RosterName of(String rosterId) {
        return new RosterName(rosterId);
    }

    /** Parses the {@code name} field of a request. */
    public static RosterName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static RosterName parse(String name, String field) {
        return new RosterName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code rosters/{roster_id}}. */
    @Override
    public String toString() {
        return "rosters/" + rosterId;
    }
}
