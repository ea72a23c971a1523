package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.domain.CorrectionRules;
import io.jeda.attendance.domain.CorrectionState;
import io.jeda.attendance.domain.Corrections;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Attendance corrections: an officer asks to fix one of their own days; their direct manager (as
 * policy-service records the manager at the time of the decision) approves or rejects. The day is
 * settled again on its next read ({@link DayService}), with the correction shown as such.
 */
@Singleton
public class CorrectionService {

    private final Corrections store;
    private final AttendanceRecords records;
    private final PolicyDirectory policy;
    private final ReadAccess access;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final Duration window;

    public CorrectionService(Corrections store, AttendanceRecords records, PolicyDirectory policy, ReadAccess access,
                             AttendanceSettings settings, Clock clock,
                             @Value("${jeda.attendance.correction.window-days:30}") int windowDays) {
        this.store = store;
        this.records = records;
        this.policy = policy;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
        this.window = Duration.ofDays(Math.max(0, windowDays));
    }

    /** Stores the caller's request for a correction of one of their own days (idempotent on requestId). */
    public Correction create(Caller caller, CorrectionRules.Ask ask, String requestId) {
        if (!caller.isPerson() || !(caller.has(Role.OFFICER) || caller.has(Role.MANAGER))) {
            throw JedaException.permissionDenied("ROLE_NOT_ALLOWED",
                    "only an officer asks for a correction of their own day", "subject", caller.subject());
        }
        String nip = caller.subject();
        String fingerprint = ask.fingerprint();
        var earlier = store.byRequest(nip, requestId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, requestId);
        }
        // Recorded to the second: Connector/J drops fractions on MariaDB, and a replay must equal the first answer.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OfficerInfo officer = officer(nip, now);
        if (officer.managerNip() == null) {
            throw JedaException.failedPrecondition("NO_MANAGER",
                    "no manager is on record for you to approve a correction", "officer", "officers/" + nip);
        }
        List<Instant> checkIns = records.events(nip, ask.date(), ask.date()).stream()
                .filter(e -> e.kind() == EventKind.CHECK_IN && e.localDate().equals(ask.date()))
                .map(AttendanceEvent::recordTime).sorted().toList();
        CorrectionRules.check(ask, officer.timeZone(), now, window, checkIns);
        Correction c = new Correction(UUID.randomUUID().toString(), nip, ask.date(), officer.timeZone().getId(),
                officer.unitId(), officer.managerNip(), ask.checkIn(), ask.checkOut(), ask.mode(), ask.reason().strip(),
                CorrectionState.PENDING, requestId, fingerprint, now, null, null, null,
                ask.date());
        Corrections.Created outcome = store.create(c);
        if (outcome instanceof Corrections.Created.Stored s) {
            return s.correction();
        }
        if (outcome instanceof Corrections.Created.Replayed r) {
            return replay(r.earlier(), fingerprint, requestId);
        }
        Correction pending = ((Corrections.Created.PendingExists) outcome).pending();
        throw JedaException.of(ErrorKind.ALREADY_EXISTS, "CORRECTION_PENDING",
                "a correction of this day is already waiting for your manager",
                "name", "attendanceCorrections/" + pending.id(), "date", ask.date().toString());
    }

    private static Correction replay(Correction earlier, String fingerprint, String requestId) {
        if (!earlier.sameRequest(fingerprint)) {
            throw JedaException.of(ErrorKind.ALREADY_EXISTS, "REQUEST_ID_REUSED",
                    "this request_id was used for another correction", "requestId", requestId,
                    "name", "attendanceCorrections/" + earlier.id());
        }
        return earlier;
    }

    public Correction get(Caller caller, String id) {
        Correction c = find(id);
        access.authorize(caller, c.officerNip(), true);
        return c;
    }

    /** One officer's corrections (nip), or those of the caller's direct reports (nip null). */
    public PageRequest.Page<Correction> list(Caller caller, String nipOrNull, CorrectionState state, PageRequest page) {
        if (nipOrNull == null) {
            if (!caller.has(Role.MANAGER)) {
                throw JedaException.permissionDenied("NOT_MANAGER",
                        "only a manager lists the corrections of their reports", "subject", caller.subject());
            }
            return page.page(store.ofManager(caller.subject(), state, page.fetchSize(), page.offset()));
        }
        access.authorize(caller, nipOrNull, true);
        return page.page(store.ofOfficer(nipOrNull, state, page.fetchSize(), page.offset()));
    }

    public Correction approve(Caller caller, String id, String note) {
        Correction c = find(id);
        requireManager(caller, c);
        if (c.state() == CorrectionState.APPROVED) {
            return c;
        }
        return store.decide(c.approve(caller.subject(), clock.instant().truncatedTo(ChronoUnit.SECONDS), note));
    }

    public Correction reject(Caller caller, String id, String reason) {
        Correction c = find(id);
        requireManager(caller, c);
        return store.decide(c.reject(caller.subject(), clock.instant().truncatedTo(ChronoUnit.SECONDS), reason));
    }

    private Correction find(String id) {
        return store.find(id).orElseThrow(() -> JedaException.of(ErrorKind.NOT_FOUND, "CORRECTION_NOT_FOUND",
                "attendance correction attendanceCorrections/" + id + " does not exist",
                "name", "attendanceCorrections/" + id));
    }

    /** Only the officer's direct manager as policy-service records it now; never the officer. */
    private void requireManager(Caller caller, Correction c) {
        if (caller.isOfficer(c.officerNip())) {
            throw JedaException.permissionDenied("SELF_APPROVAL", "you cannot decide on your own correction",
                    "name", "attendanceCorrections/" + c.id());
        }
        if (!caller.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("NOT_MANAGER", "only the officer's manager decides on a correction",
                    "name", "attendanceCorrections/" + c.id(), "subject", caller.subject());
        }
        OfficerInfo officer = officer(c.officerNip(), clock.instant());
        if (!caller.subject().equals(officer.managerNip())) {
            throw JedaException.permissionDenied("NOT_MANAGER",
                    "only the officer's direct manager decides on their correction",
                    "name", "attendanceCorrections/" + c.id(), "officer", "officers/" + c.officerNip(),
                    "subject", caller.subject());
        }
    }

    private OfficerInfo officer(String nip, Instant now) {
        try {
            return policy.officer(nip, now.plus(settings.policyDeadline()))
                    .orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
        } catch (PolicyUnavailableException e) {
            throw ReadAccess.policyUnavailable();
        }
    }
}
