package io.jeda.attendance.domain;

/** A circle on the Earth's surface (an office geofence or a domicile), centre in WGS84 degrees. */
public record Circle(double latitude, double longitude, double radiusMeters) {

    /** Whether the point lies inside the circle; a point exactly on the edge is inside. */
    public boolean contains(double lat, double lon) {
        return Geo.distanceMeters(latitude, longitude, lat, lon) <= radiusMeters;
    }
}
