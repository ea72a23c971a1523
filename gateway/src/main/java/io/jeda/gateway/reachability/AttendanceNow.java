package io.jeda.gateway.reachability;

import java.time.Instant;

/**
 * What attendance-service knows of an officer right now: whether they are checked in, and when they
 * last checked out (for the minimum rest after late work). Positions never come here.
 *
 * @param checkedIn    whether an open check-in exists
 * @param mode         the mode of the open check-in; null when not checked in
 * @param since        when the open check-in was recorded; null when not checked in
 * @param lastCheckOut the most recent check-out (server time of record), or null when none is known
 */
public record AttendanceNow(boolean checkedIn, WorkLocation mode, Instant since, Instant lastCheckOut) {

    /** Not checked in, no check-out on record. */
    public static AttendanceNow none() {
        return new AttendanceNow(false, null, null, null);
    }

    public static AttendanceNow checkedIn(WorkLocation mode, Instant since) {
        return new AttendanceNow(true, mode, since, null);
    }

    public static AttendanceNow checkedOut(Instant at) {
        return new AttendanceNow(false, null, null, at);
    }
}
