package io.jeda.attendance.domain;

/** Where an attendance correction stands: waiting for the manager, or decided. */
public enum CorrectionState {
    PENDING, APPROVED, REJECTED
}
