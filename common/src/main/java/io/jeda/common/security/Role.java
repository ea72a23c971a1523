package io.jeda.common.security;

/** Roles a token may grant. */
public enum Role {
    /** A civil servant acting for themself. */
    OFFICER,
    /** A direct manager (atasan langsung) deciding for direct reports. */
    MANAGER,
    /** An HR or agency administrator. */
    ADMIN,
    /** HR staff who may export attendance data. */
    HR,
    /** Another Jeda service calling on its own behalf. */
    SERVICE,
    /** An agency system that may only ask about reachability. */
    AGENCY
}
