package io.jeda.attendance.domain;

/**
 * A device position: WGS84 degrees and the device's horizontal error estimate in metres.
 * Personal data; see {@link AttendanceEvent}.
 */
public record Position(double latitude, double longitude, double accuracyMeters) {
}
