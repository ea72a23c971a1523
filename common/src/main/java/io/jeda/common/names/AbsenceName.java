package io.jeda.common.names;

/**
 * An absence of an officer, {@code officers/{nip}/absences/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record AbsenceName(String nip, String absenceId) {

    public static final String PATTERN = "officers/{nip}/absences/{id}";

    public AbsenceName {
        ResourceNames.requireId(nip, PATTERN, "name");
        ResourceNames.requireId(absenceId, PATTERN, "name");
    }

    public static AbsenceName of(String nip, String absenceId) {
        return new AbsenceName(nip, absenceId);
    }

    public static AbsenceName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static AbsenceName parse(String name, String field) {
        String[] ids = ResourceNames.parse(name, PATTERN, field);
        return new AbsenceName(ids[0], ids[1]);
    }

    /** The parent resource. */
    public OfficerName parent() {
        return new OfficerName(nip);
    }

    @Override
    public String toString() {
        return "officers/" + nip + "/absences/" + absenceId;
    }
}
