package io.jeda.policy.domain.organisation;

/** How a position may arrange working time. */
public enum FlexiTimeKind {
    /** Fixed start at the default start time. */
    FIXED,
    /** Start anywhere inside the start window. */
    WINDOW,
    /** Shift work: any start, any weekday; holidays do not stop shifts. */
    SHIFT,
    /** Duties not tied to office hours, inside the start window. */
    DYNAMIC
}
