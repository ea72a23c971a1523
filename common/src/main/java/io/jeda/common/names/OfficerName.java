package io.jeda.common.names;

/**
 * An officer, {@code officers/{nip}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record OfficerName(String nip) {

    public static final String PATTERN = "officers/{nip}";

    public OfficerName {
        ResourceNames.requireId(nip, PATTERN, "name");
    }

    public static OfficerName of(String nip) {
        return new OfficerName(nip);
    }

    /** Parses the {@code name} field of a request. */
    public static OfficerName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static OfficerName parse(String name, String field) {
        return new OfficerName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code officers/{nip}}. */
    @Override
    public String toString() {
        return "officers/" + nip;
    }
}
