package io.jeda.common.names;

/**
 * An override of a roster, {@code rosters/{roster_id}/overrides/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record RosterOverrideName(String rosterId, String overrideId) {

    public static final String PATTERN = "rosters/{roster_id}/overrides/{id}";

    public RosterOverrideName {
        ResourceNames.requireId(rosterId, PATTERN, "name");
        ResourceNames.requireId(overrideId, PATTERN, "name");
    }

    public static RosterOverrideName of(String rosterId, String overrideId) {
        return new RosterOverrideName(rosterId, overrideId);
    }

    public static RosterOverrideName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static RosterOverrideName parse(String name, String field) {
        String[] ids = ResourceNames.parse(name, PATTERN, field);
        return new RosterOverrideName(ids[0], ids[1]);
    }

    /** The parent resource. */
    public RosterName parent() {
        return new RosterName(rosterId);
    }

    @Override
    public String toString() {
        return "rosters/" + rosterId + "/overrides/" + overrideId;
    }
}
