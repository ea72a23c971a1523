package io.jeda.common.names;

/**
 * An attendance event of an officer, {@code officers/{nip}/attendanceEvents/{event_id}}. Parses and formats the name; a malformed one is refused with
 * {@link ResourceNames#INVALID_NAME}.
 */
public record AttendanceEventName(String nip, String eventId) {

    public static final String PATTERN = "officers/{nip}/attendanceEvents/{event_id}";

    public AttendanceEventName {
        ResourceNames.requireId(nip, PATTERN, "name");
        ResourceNames.requireId(eventId, PATTERN, "name");
    }

    public static AttendanceEventName of(String nip, String eventId) {
        return new AttendanceEventName(nip, eventId);
    }

    public static AttendanceEventName parse(String name) {
        return parse(name, "name");
    }

    /** @param field the request field the name came from, named in the error */
    public static AttendanceEventName parse(String name, String field) {
        String[] ids = ResourceNames.parse(name, PATTERN, field);
        return new AttendanceEventName(ids[0], ids[1]);
    }

    /** The parent resource. */
    public OfficerName parent() {
        return new OfficerName(nip);
    }

    @Override
    public String toString() {
        return "officers/" + nip + "/attendanceEvents/" + eventId;
    }
}
