package io.jeda.attendance.app;

import io.jeda.common.grpc.NoWaiting;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.AttendanceWriter;
import io.jeda.attendance.domain.CheckCommand;
import io.jeda.attendance.domain.CurrentStatus;
import io.jeda.attendance.domain.EventIds;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.PlaceRules;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.ScheduleInfo;
import io.jeda.attendance.domain.TimeOfRecord;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.attendance.domain.Verification;
import io.jeda.attendance.domain.WriteOutcome;
import io.jeda.attendance.domain.WriteOutcome.Reason;
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
import java.util.concurrent.CompletableFuture;

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

    private final AttendanceRecords records;
    private final AttendanceWriter writer;
    private final PolicyDirectory policy;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final ReadAccess access;

    public AttendanceService(AttendanceRecords records, AttendanceWriter writer, PolicyDirectory policy,
                             AttendanceSettings settings, Clock clock, ReadAccess access) {
        this.access = access;
        this.records = records;
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
     * Nothing is read before the write: the store's transaction tells a retry (same idempotency
     * key) and a second check-in (an open session) apart from a new check-in and says which it
     * was, so the usual case costs the two INSERTs of one transaction, shared with the concurrent
     * requests of the same group commit. A request the rules refuse still answers a retry with its
     * first result, and says ALREADY_CHECKED_IN before any rule about the request (see {@link #refuse}).
     * A refusal by the rules is thrown at once; the write's outcome completes the answer later,
     * without a thread waiting for the commit.
     */
    public CompletableFuture<AttendanceEvent> checkIn(Caller caller, CheckCommand cmd) {
        requireSelf(caller, cmd.officerNip());
        String fingerprint = cmd.fingerprint();
        Accepted a;
        try {
            a = accept(cmd, fingerprint);
        } catch (JedaException refusal) {
            return CompletableFuture.completedFuture(refuse(cmd, fingerprint, refusal));
        }
        AttendanceEvent event = a.event();
        Placement place = a.place();
        OpenSession session = new OpenSession(cmd.officerNip(), event.id(), cmd.mode(), event.recordTime(),
                place.localDate(), place.zone().getId(), place.unitId(), !place.verified(), place.closeAt(),
                event.receiveTime());
        return writer.checkInLater(event, session).thenApply(outcome -> answer(outcome, fingerprint));
    }

    /**
     * Checks the calling officer out of their open check-in; see the proto for every refusal.
     * Nothing is read first here either: the store locks the officer's open session in the same
     * transaction that closes it (one locking read for a whole group of check-outs), and decides
     * NOT_CHECKED_IN or CHECK_OUT_BEFORE_CHECK_IN there. Only when policy-service cannot answer is
     * the session read up front, for its time zone.
     */
    public CompletableFuture<AttendanceEvent> checkOut(Caller caller, CheckCommand cmd) {
        requireSelf(caller, cmd.officerNip());
        String fingerprint = cmd.fingerprint();
        AttendanceEvent event;
        try {
            event = accept(cmd, fingerprint).event();
        } catch (JedaException refusal) {
            return CompletableFuture.completedFuture(refuse(cmd, fingerprint, refusal));
        }
        return writer.checkOutLater(event).thenApply(outcome -> answer(outcome, fingerprint));
    }

    /** The answer the store's outcome calls for; a transient refusal stays transient. */
    private static AttendanceEvent answer(WriteOutcome outcome, String fingerprint) {
        return outcome.fold(WriteOutcome.Stored::event, replayed -> replay(replayed.first(), fingerprint),
                refused -> {
                    throw refused.toException();
                });
    }

    /** The open check-in of one officer (empty when not checked in) and their latest check-out. */
    public CurrentStatus currentStatus(Caller caller, String nip) {
        access.authorize(caller, nip, false);
        Optional<OpenSession> open = records.openSession(nip);
        Instant last = lastCheckOuts(List.of(nip)).get(nip);
        return new CurrentStatus(open, last);
    }

    /**
     * The statuses of many officers, keyed by NIP in request order (duplicates once); an officer
     * without an open check-in has an empty one. For other Jeda services and admins only.
     */
    public Map<String, CurrentStatus> currentStatuses(Caller caller, List<String> nips) {
        caller.requireAny();
        if (caller.isScopedAdmin() && !io.jeda.common.security.AdminScope.isNational(caller)) {
            // Many officers of any unit at once: for other services and national admins.
            throw io.jeda.common.security.AdminScope.outside(caller, "officers");
        }
        if (nips.isEmpty() || nips.size() > settings.maxBatchOfficers()) {
            throw JedaException.invalidField("officers",
                    "officers must name 1 to " + settings.maxBatchOfficers() + " officers, got " + nips.size());
        }
        Map<String, Optional<OpenSession>> open = new LinkedHashMap<>();
        nips.forEach(n -> open.put(n, Optional.empty()));
        List<String> distinct = List.copyOf(open.keySet());
        for (OpenSession s : records.openSessions(distinct)) {
            open.put(s.officerNip(), Optional.of(s));
        }
        Map<String, Instant> last = lastCheckOuts(distinct);
        Map<String, CurrentStatus> out = new LinkedHashMap<>();
        open.forEach((nip, s) -> out.put(nip, new CurrentStatus(s, last.get(nip))));
        return out;
    }

    /** The latest check-out within the lookback of each officer that has one, in one query. */
    private Map<String, Instant> lastCheckOuts(List<String> nips) {
        return records.lastCheckOuts(nips, clock.instant().minus(settings.lastCheckOutLookback()));
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
            NoWaiting.check();
            OpenSession open = cmd.kind() == EventKind.CHECK_OUT ? records.openSession(cmd.officerNip()).orElse(null) : null;
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
        TimeOfRecord.Decision time = TimeOfRecord.decide(cmd.deviceTime(), cmd.deviceClock(), now, settings);
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
                "idempotencyKey", first.idempotencyKey());
    }

    /**
     * Refuses a request the rules refused, unless it is a retry: a key used before answers with its
     * first result (or IDEMPOTENCY_KEY_REUSED); a check-in while checked in is ALREADY_CHECKED_IN,
     * and a check-out with no check-in open NOT_CHECKED_IN, whatever else is wrong with it. Both are
     * read at one instant, so a concurrent retry of this very request that has just committed is
     * seen whole (its key stored) or not at all.
     */
    private AttendanceEvent refuse(CheckCommand cmd, String fingerprint, JedaException refusal) {
        NoWaiting.check();
        AttendanceRecords.Standing standing = records.standing(cmd.officerNip(), cmd.idempotencyKey());
        if (standing.sameKey().isPresent()) {
            return replay(standing.sameKey().get(), fingerprint);
        }
        if (cmd.kind() == EventKind.CHECK_IN && standing.checkedIn()) {
            throw new WriteOutcome.Refused(Reason.ALREADY_CHECKED_IN).toException();
        }
        if (cmd.kind() == EventKind.CHECK_OUT && !standing.checkedIn()) {
            throw new WriteOutcome.Refused(Reason.NOT_CHECKED_IN).toException();
        }
        throw refusal;
    }
}
