package io.jeda.attendance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What attendance reads back of what it stored, and reconciliation's one update. */
public interface AttendanceRecords {

    /**
     * What a request with this key meets, read in one snapshot: the event already stored under the
     * officer's key (if any), and whether the officer has a check-in open.
     */
    Standing standing(String nip, String idempotencyKey);

    /** The officer's event stored under a key, and whether a check-in is open, as of one instant. */
    record Standing(Optional<AttendanceEvent> sameKey, boolean checkedIn) {
    }

    Optional<OpenSession> openSession(String nip);

    List<OpenSession> openSessions(Collection<String> nips);

    /** The latest check-out at or after {@code since} of each named officer that has one. */
    Map<String, Instant> lastCheckOuts(Collection<String> nips, Instant since);

    /** The officer's events whose local dates fall in the range (inclusive), oldest first. */
    List<AttendanceEvent> events(String nip, LocalDate from, LocalDate to);

    /**
     * The events of many officers whose local dates fall in the range (inclusive), in one query per
     * 500 officers (the wellbeing report reads a unit's month this way, not officer by officer).
     */
    List<AttendanceEvent> eventsOf(Collection<String> nips, LocalDate from, LocalDate to);

    /** Sessions due to close by {@code now} and received no later than {@code receivedBy}, earliest first. */
    List<OpenSession> dueSessions(Instant now, Instant receivedBy, int limit);

    /** Events still waiting for the policy checks, oldest received first. */
    List<AttendanceEvent> unverified(int limit);

    /**
     * Records the outcome of reconciling one event and, for a check-in whose session is still
     * open, corrects the session's date, zone and closing time. Only an event still UNVERIFIED
     * changes, so concurrent runs record each outcome once.
     */
    void reconciled(AttendanceEvent event, Verification verification, String violation, LocalDate date,
                    String timeZone, String unitId, Instant closeAt);
}
