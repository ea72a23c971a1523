package io.jeda.policy.domain.request;

/** What an officer requests: leave (cuti), official travel (dinas luar) or an on-call swap. */
public enum StaffRequestKind {
    LEAVE, OFFICIAL_TRAVEL, ONCALL_SWAP;

    /** Leave and travel become absences; a swap changes roster turns. */
    public boolean isAbsence() {
        return this != ONCALL_SWAP;
    }
}
