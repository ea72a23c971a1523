package io.jeda.attendance.domain;

import io.jeda.attendance.persistence.AttendanceEventRepository;
import io.jeda.attendance.persistence.AttendanceStore;
import io.jeda.attendance.persistence.GroupCommitWriter;
import io.jeda.attendance.persistence.OpenSessionRepository;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Check-ins, check-outs and "checked in now?". The rules: the caller checks in only as themself;
 * a retried request (same idempotency key, same content) returns the first result and stores
 * nothing; the time of record comes from {@link TimeOfRecord}; the place from {@link PlaceRules}
 * using policy-service data; and when policy-service cannot answer in time the event is accepted
 * and flagged POLICY_UNVERIFIED rather than lost.
 */
@Singleton
public class AttendanceService {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceService.class);
    /** How long to wait for a conflicting transaction to become visible after a duplicate key. */
    private static final int CONFLICT_READ_ATTEMPTS = 100;

    private final AttendanceEventRepository events;
    private final OpenSessionRepository sessions;
    private final GroupCommitWriter writer;
    private final PolicyDirectory policy;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final ReadAccess access;

    public AttendanceService(AttendanceEventRepository events, OpenSessionRepository sessions, GroupCommitWriter writer,
                             PolicyDirectory policy, AttendanceSettings settings, Clock clock, ReadAccess access) {
        this.access = access;
        this.events = events;
        this.sessions = sessions;
        this.writer = writer;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where an event happened, as far as policy-service could tell in time. */
    private record Placement(ZoneId zone, LocalDate localDate, String unitId, boolean verified,
                             java.time.LocalTime dayClose) {

        Instant closeAt() {
            return localDate.atTime(dayClose).atZone(zone).toInstant();
        }
    }

    /**
     * Checks the calling officer in; see the proto for every refusal.
     * <p>
     * Nothing is read before the write: the database's unique keys tell a retry (same idempotency
     * key) and a second check-in (an open session) apart from a new check-in, so the usual case
     * costs the two INSERTs of one transaction, shared with the concurrent requests of the same
     * group commit ({@link GroupCommitWriter}). Every refusal still answers a retry with its first
     * result, and says ALREADY_CHECKED_IN before any rule about the request (see {@link #refuse}).
     */
    public AttendanceEvent checkIn(Caller caller, CheckCommand cmd) {
        requireSelf(caller, cmd.officerNip());
        String fingerprint = cmd.fingerprint();
        AttendanceEvent event;
        OpenSession session;
        try {
            Accepted a = accept(cmd, fingerprint);
            event = a.event();
            Placement place = a.place();
            session = new OpenSession(cmd.officerNip(), event.id(), cmd.mode(), event.recordTime(),
                    place.localDate(), place.zone().getId(), place.unitId(), !place.verified(), place.closeAt(),
                    event.receiveTime());
        } catch (JedaException refusal) {
            return refuse(cmd, fingerprint, refusal);
        }
        try {
            writer.checkIn(event, session);
            return event;
        } catch (RuntimeException e) {
            return afterConflict(cmd, fingerprint, e);
        }
    }

    /**
     * Checks the calling officer out of their open check-in; see the proto for every refusal.
     * Nothing is read first here either: the writer locks the officer's open session in the same
     * transaction that closes it (one locking read for a whole group of check-outs), and refuses
     * NOT_CHECKED_IN or CHECK_OUT_BEFORE_CHECK_IN there. Only when policy-service cannot answer is
     * the session read up front, for its time zone. A retry is told apart as for {@link #checkIn}.
     */
    public AttendanceEvent checkOut(Caller caller, CheckCommand cmd) {
        requireSelf(caller, cmd.officerNip());
        String fingerprint = cmd.fingerprint();
        AttendanceEvent event;
        try {
            event = accept(cmd, fingerprint).event();
        } catch (JedaException refusal) {
            return refuse(cmd, fingerprint, refusal);
        }
        try {
            return writer.checkOut(event);
        } catch (JedaException e) {
            return refuse(cmd, fingerprint, e);
        } catch (RuntimeException e) {
            return afterConflict(cmd, fingerprint, e);
        }
    }

    /** The open check-in of one officer (empty when not checked in) and their latest check-out. */
    public CurrentStatus currentStatus(Caller caller, String nip) {
        access.authorize(caller, nip, false);
        Optional<OpenSession> open = sessions.findById(nip);
        Instant last = lastCheckOuts(List.of(nip)).get(nip);
        return new CurrentStatus(open, last);
    }

    /**
     * The statuses of many officers, keyed by NIP in request order (duplicates once); an officer
     * without an open check-in has an empty one. For other Jeda services and admins only.
     */
    public Map<String, CurrentStatus> currentStatuses(Caller caller, List<String> nips) {
        caller.requireAny();
        if (nips.isEmpty() || nips.size() > settings.maxBatchOfficers()) {
            throw JedaException.invalidField("officers",
                    "officers must name 1 to " + settings.maxBatchOfficers() + " officers, got " + nips.size());
        }
        Map<String, Optional<OpenSession>> open = new LinkedHashMap<>();
        nips.forEach(n -> open.put(n, Optional.empty()));
        List<String> distinct = List.copyOf(open.keySet());
        for (OpenSession s : sessions.findByOfficerNipIn(distinct)) {
            open.put(s.officerNip(), Optional.of(s));
        }
        Map<String, Instant> last = lastCheckOuts(distinct);
        Map<String, CurrentStatus> out = new LinkedHashMap<>();
        open.forEach((nip, s) -> out.put(nip, new CurrentStatus(s, last.get(nip))));
        return out;
    }

    /** The latest check-out within the lookback of each officer that has one, in one query. */
    private Map<String, Instant> lastCheckOuts(List<String> nips) {
        Instant since = clock.instant().minus(settings.lastCheckOutLookback());
        Map<String, Instant> out = new java.util.HashMap<>();
        for (LastCheckOut l : events.findLastCheckOuts(nips, since)) {
            out.put(l.officerNip(), l.lastCheckOut());
        }
        return out;
    }

    private void requireSelf(Caller caller, String nip) {
        if (!caller.isOfficer(nip)) {
            throw JedaException.permissionDenied("NOT_SELF", "an officer checks in and out only as themself",
                    "officer", "officers/" + nip, "subject", caller.subject());
        }
    }

    /**
     * Applies the schedule and geofence rules when policy-service answers within the deadline; when
     * it does not, accepts the event unverified in the best-known zone (for a check-out, that of the
     * open session; else the configured fallback), for reconciliation to check later.
     */
    private Placement place(CheckCommand cmd, Instant recordTime) {
        Instant deadline = clock.instant().plus(settings.policyDeadline());
        try {
            OfficerInfo officer = policy.officer(cmd.officerNip(), deadline).orElseThrow(() ->
                    JedaException.failedPrecondition("OFFICER_NOT_FOUND",
                            "policy-service has no officer " + cmd.officerNip(), "officer", "officers/" + cmd.officerNip()));
            LocalDate date = LocalDate.ofInstant(recordTime, officer.timeZone());
            ScheduleInfo schedule = policy.schedule(cmd.officerNip(), date, deadline);
            PlaceRules.requireModeAllowed(cmd.mode(), schedule);
            // Needed for the office geofences and for the day-close time of the session; cached.
            UnitInfo unit = policy.unit(officer.unitId(), deadline).orElse(null);
            if (unit == null && cmd.mode() == AttendanceMode.OFFICE) {
                throw JedaException.failedPrecondition("UNIT_NOT_FOUND",
                        "policy-service has no unit " + officer.unitId(), "unit", "units/" + officer.unitId());
            }
            PlaceRules.requireInsideGeofence(cmd.mode(), cmd.position(), officer, unit);
            return new Placement(officer.timeZone(), date, officer.unitId(), true,
                    unit == null ? settings.defaultDayClose() : unit.dayCloseTime());
        } catch (PolicyUnavailableException e) {
            LOG.warn("policy-service unavailable for {} of {}; accepting unverified: {}", cmd.kind(), cmd.officerNip(),
                    e.getMessage());
            OpenSession open = cmd.kind() == EventKind.CHECK_OUT ? sessions.findById(cmd.officerNip()).orElse(null) : null;
            ZoneId zone = open != null ? ZoneId.of(open.timeZone()) : settings.fallbackTimeZone();
            return new Placement(zone, LocalDate.ofInstant(recordTime, zone), open == null ? null : open.unitId(), false,
                    settings.defaultDayClose());
        }
    }

    /** A check-in or check-out that passed the rules, and where it happened. */
    private record Accepted(AttendanceEvent event, Placement place) {
    }

    /**
     * Applies the accuracy, time-of-record and place rules and makes the event to store (a
     * check-out's check-in is filled in by the writer).
     *
     * @throws JedaException the first rule the request breaks
     */
    private Accepted accept(CheckCommand cmd, String fingerprint) {
        PlaceRules.requireAccurate(cmd.position(), settings);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TimeOfRecord.Decision time = TimeOfRecord.decide(cmd.deviceTime(), now, settings);
        Placement place = place(cmd, time.recordTime());
        return new Accepted(newEvent(cmd, fingerprint, time, now, place), place);
    }

    private AttendanceEvent newEvent(CheckCommand cmd, String fingerprint, TimeOfRecord.Decision time, Instant now,
                                     Placement place) {
        Set<Flag> flags = time.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(time.flags());
        if (!place.verified()) {
            flags.add(Flag.POLICY_UNVERIFIED);
        }
        return new AttendanceEvent(EventIds.next(clock), cmd.officerNip(), cmd.kind(), cmd.mode(),
                cmd.idempotencyKey(), fingerprint, time.recordTime(), cmd.deviceTime(), now, place.localDate(),
                place.zone().getId(), place.unitId(), cmd.position().latitude(), cmd.position().longitude(),
                cmd.position().accuracyMeters(), cmd.deviceId(), Flag.join(flags),
                place.verified() ? Verification.VERIFIED : Verification.UNVERIFIED, null, null);
    }

    /** The same key again: the first result when the request is the same, else a refusal. */
    private static AttendanceEvent replay(AttendanceEvent first, String fingerprint) {
        if (first.fingerprint().equals(fingerprint)) {
            return first;
        }
        throw JedaException.failedPrecondition("IDEMPOTENCY_KEY_REUSED",
                "this idempotency key was already used for a different request",
                "idempotency_key", first.idempotencyKey());
    }

    /**
     * Refuses, unless the request is a retry: a key used before answers with its first result (or
     * IDEMPOTENCY_KEY_REUSED); a check-in while checked in is ALREADY_CHECKED_IN, and a check-out
     * with no check-in open NOT_CHECKED_IN, whatever else is wrong with it. This also covers a concurrent retry of this very request that has just
     * committed (its session is then open, or already closed): that retry's result is the answer.
     */
    private AttendanceEvent refuse(CheckCommand cmd, String fingerprint, JedaException refusal) {
        Optional<AttendanceEvent> first = events.findByOfficerNipAndIdempotencyKey(cmd.officerNip(), cmd.idempotencyKey());
        if (first.isPresent()) {
            return replay(first.get(), fingerprint);
        }
        if (cmd.kind() == EventKind.CHECK_IN && sessions.existsById(cmd.officerNip())) {
            throw alreadyCheckedIn();
        }
        if (cmd.kind() == EventKind.CHECK_OUT && !"NOT_CHECKED_IN".equals(refusal.reason())
                && !sessions.existsById(cmd.officerNip())) {
            throw AttendanceEvent.notCheckedIn();
        }
        throw refusal;
    }

    /**
     * A write lost a race. A duplicate idempotency key means a concurrent retry won: answer with
     * its result once it is visible. A duplicate open session means another check-in won.
     */
    private AttendanceEvent afterConflict(CheckCommand cmd, String fingerprint, RuntimeException e) {
        if (!AttendanceStore.isDuplicateKey(e)) {
            throw e;
        }
        for (int i = 0; i < CONFLICT_READ_ATTEMPTS; i++) {
            Optional<AttendanceEvent> first = events.findByOfficerNipAndIdempotencyKey(cmd.officerNip(), cmd.idempotencyKey());
            if (first.isPresent()) {
                return replay(first.get(), fingerprint);
            }
            if (cmd.kind() == EventKind.CHECK_IN && sessions.existsById(cmd.officerNip())) {
                throw alreadyCheckedIn();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw e;
    }

    private static JedaException alreadyCheckedIn() {
        return JedaException.failedPrecondition("ALREADY_CHECKED_IN",
                "the officer is already checked in; check out first");
    }
}
