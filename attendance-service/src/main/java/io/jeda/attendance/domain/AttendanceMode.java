package io.jeda.attendance.domain;

/** Where an officer says they work for one check-in. */
public enum AttendanceMode {
    OFFICE, HOME, OTHER
}
