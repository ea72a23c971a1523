package io.jeda.attendance.domain;

/** Whether an event opens or closes a period of work. */
public enum EventKind {
    CHECK_IN, CHECK_OUT
}
