package io.jeda.policy.domain.organisation;

import io.jeda.common.error.JedaException;

import java.util.regex.Pattern;

/**
 * Input rules shared by the reference data (units, offices, positions, officers' domiciles): ids
 * that make valid resource names, display names that fit their columns, and geofences that describe
 * a real circle on the Earth. Kept in one place so every resource refuses the same input the same way.
 */
public final class UnitRules {

    /** Ids chosen by the client (units, positions): 2 to 63 of a-z, 0-9 and '-', as the API documents. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,63}");
    /** Office codes are short ids inside one unit; one character is enough there. */
    private static final Pattern OFFICE_CODE = Pattern.compile("[a-z0-9-]{1,63}");
    /** Width of every display_name column. */
    public static final int MAX_DISPLAY_NAME = 200;
    /** Geofence radius bounds in metres, as documented on common.proto Geofence (an API contract, not a policy). */
    public static final int MIN_RADIUS_METERS = 1;
    public static final int MAX_RADIUS_METERS = 100_000;

    private UnitRules() {
    }

    /** @throws JedaException INVALID_ARGUMENT, reason INVALID_ID */
    public static String requireId(String id, String field) {
        if (id == null || !ID.matcher(id).matches()) {
            throw JedaException.invalidArgument("INVALID_ID",
                    field + " must be 2 to 63 characters of a-z, 0-9 and '-', got '" + id + "'",
                    "field", field, "value", String.valueOf(id));
        }
        return id;
    }

    /** @throws JedaException INVALID_ARGUMENT, reason INVALID_FIELD */
    public static String requireOfficeCode(String code, String field) {
        if (code == null || !OFFICE_CODE.matcher(code).matches()) {
            throw JedaException.invalidField(field, field + " must be 1 to 63 characters of a-z, 0-9 and '-', got '"
                    + code + "'");
        }
        return code;
    }

    /** A non-blank name that fits its column, trimmed. */
    public static String requireDisplayName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw JedaException.invalidField(field, field + " is required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_DISPLAY_NAME) {
            throw JedaException.invalidField(field, field + " must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        return trimmed;
    }

    /**
     * A geofence: WGS84 latitude -90..90, longitude -180..180, radius within the documented bounds.
     *
     * @param field the geofence field, e.g. {@code offices[0].geofence} or {@code domicile}
     * @throws JedaException INVALID_ARGUMENT, reason INVALID_GEOFENCE, metadata naming the sub-field
     */
    public static void requireGeofence(double latitude, double longitude, int radiusMeters, String field) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw geofence(field + ".center.latitude", "latitude must be between -90 and 90 degrees, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw geofence(field + ".center.longitude", "longitude must be between -180 and 180 degrees, got " + longitude);
        }
        if (radiusMeters < MIN_RADIUS_METERS || radiusMeters > MAX_RADIUS_METERS) {
            throw geofence(field + ".radius_meters", "radius must be between " + MIN_RADIUS_METERS + " and "
                    + MAX_RADIUS_METERS + " metres, got " + radiusMeters);
        }
    }

    private static JedaException geofence(String field, String message) {
        return JedaException.invalidArgument("INVALID_GEOFENCE", field + ": " + message, "field", field);
    }
}
