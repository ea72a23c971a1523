package io.jeda.relay.domain;

/** How urgent a message is; it decides when and to whom it may be delivered. */
public enum Urgency {
    /** Only inside the officer's working hours, never inside the minimum rest; held ones go out as a digest. */
    ROUTINE,
    /** To the officer inside working hours, else to the on-call officer; escalated when not acknowledged. */
    URGENT,
    /** At once to whoever is on call; escalated when not acknowledged. */
    EMERGENCY;

    /** Whether an unacknowledged delivery is escalated to the next person. */
    public boolean escalates() {
        return this != ROUTINE;
    }
}
