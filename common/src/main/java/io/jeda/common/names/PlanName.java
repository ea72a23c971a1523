package io.jeda.common.names;

/**
 * A work plan, {@code plans/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record PlanName(String planId) {

    public static final String PATTERN = "plans/{id}";

    public PlanName {
        ResourceNames.requireId(planId, PATTERN, "name");
    }

    public static PlanName of(String planId) {
        return new PlanName(planId);
    }

    /** Parses the {@code name} field of a request. */
    public static PlanName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static PlanName parse(String name, String field) {
        return new PlanName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code plans/{id}}. */
    @Override
    public String toString() {
        return "plans/" + planId;
    }
}
