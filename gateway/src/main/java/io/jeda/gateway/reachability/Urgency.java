package io.jeda.gateway.reachability;

/**
 * How urgent a request to an officer is. Urgency levels follow the idea of service levels: not every
 * request needs an instant answer, and only the urgent ones may cross into someone's rest time.
 */
public enum Urgency {
    /** Ordinary work: reaches the officer only inside their working hours; otherwise it waits. */
    ROUTINE,
    /** Reaches the officer inside working hours, and an officer on call outside them. */
    URGENT,
    /** Reaches whoever is on call now, at any hour. */
    EMERGENCY
}
