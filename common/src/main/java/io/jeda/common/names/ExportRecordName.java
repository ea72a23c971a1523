package io.jeda.common.names;

/**
 * A recap export, {@code exportRecords/{id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record ExportRecordName(String exportRecordId) {

    public static final String PATTERN = "exportRecords/{id}";

    public ExportRecordName {
        ResourceNames.requireId(exportRecordId, PATTERN, "name");
    }

    public static ExportRecordName of(String exportRecordId) {
        return new ExportRecordName(exportRecordId);
    }

    /** Parses the {@code name} field of a request. */
    public static ExportRecordName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static ExportRecordName parse(String name, String field) {
        return new ExportRecordName(ResourceNames.parse(name, PATTERN, field)[0]);
    }

    /** The resource name, {@code exportRecords/{id}}. */
    @Override
    public String toString() {
        return "exportRecords/" + exportRecordId;
    }
}
