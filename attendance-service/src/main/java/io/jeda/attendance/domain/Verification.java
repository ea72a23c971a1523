package io.jeda.attendance.domain;

/** Where a stored event stands with respect to the checks that need policy-service. */
public enum Verification {
    /** Geofence and schedule checks passed. */
    VERIFIED,
    /** policy-service did not answer in time; reconciliation will check again. */
    UNVERIFIED,
    /** Reconciliation found the event would have been refused; kept, never deleted. */
    VIOLATION
}
