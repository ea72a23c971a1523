package io.jeda.attendance.domain;

/** Distances on the sphere, which is accurate to well under a metre at geofence scales. */
public final class Geo {

    /** The IUGG mean Earth radius in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Geo() {
    }

    /** Great-circle distance in metres between two WGS84 points (haversine formula). */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
