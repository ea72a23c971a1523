package io.jeda.attendance.domain;

/** The places policy-service says an officer may work at on a date (its WorkPlace values). */
public enum WorkPlace {
    OFFICE, HOME, OTHER_OFFICE, OTHER
}
