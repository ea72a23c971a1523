package io.jeda.gateway.reachability;

/** Where an officer stands at the asked instant, independent of the urgency asked about. */
public enum ReachabilityState {
    /** Inside the working window or core hours and checked in. */
    AVAILABLE,
    /** Inside the working window or core hours but not (known to be) checked in. */
    EXPECTED,
    /** Outside working hours and not on call. */
    OFF_DUTY,
    /** Outside working hours but primary or backup of an on-call slot covering the instant. */
    ON_CALL,
    /** On leave (cuti) on the day. */
    ON_LEAVE,
    /** National holiday, collective leave or agency day off. */
    HOLIDAY,
    /** The schedule could not be read: the engine cannot tell. */
    UNKNOWN
}
