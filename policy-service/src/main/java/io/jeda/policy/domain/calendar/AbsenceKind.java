package io.jeda.policy.domain.calendar;

/** An officer's absence: leave (cuti) or official travel (dinas luar). */
public enum AbsenceKind {
    LEAVE, OFFICIAL_TRAVEL
}
