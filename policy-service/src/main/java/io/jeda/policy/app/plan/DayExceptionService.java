package io.jeda.policy.app.plan;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.PlanPage;
import io.jeda.policy.domain.plan.PlanRules;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.persistence.DayExceptionRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One-day exceptions (a home day swapped for an office day): requested by the officer, starting
 * SUBMITTED and validated at once with the same rules as plans ({@link PlanRules}), then approved
 * or rejected by the direct manager. An officer has at most one SUBMITTED or APPROVED exception
 * per date, so the effective schedule never has to choose between two.
 */
@Singleton
public class DayExceptionService {

    private static final Set<PlanState> STATES = Set.of(PlanState.SUBMITTED, PlanState.APPROVED, PlanState.REJECTED);
    private static final Set<PlanState> HOLDING = Set.of(PlanState.SUBMITTED, PlanState.APPROVED);

    private final DayExceptionRepository exceptions;
    private final OfficerRepository officers;
    private final PlanAccess access;
    private final TransactionOperations<Connection> tx;

    public DayExceptionService(DayExceptionRepository exceptions, OfficerRepository officers, PlanAccess access,
                               TransactionOperations<Connection> tx) {
        this.exceptions = exceptions;
        this.officers = officers;
        this.access = access;
        this.tx = tx;
    }

    /**
     * Requests an exception; only the officer themself.
     *
     * @param start the start that day, or null to keep the plan's or position's start
     */
    public DayException create(Caller caller, String nip, LocalDate date, WorkPlace place, @Nullable LocalTime start,
                               @Nullable String note) {
        Officer officer = access.officer(nip);
        access.requireOwner(caller, officer);
        String text = access.note(note);
        LocalDate today = access.today(officer);
        if (date.isBefore(today)) {
            throw JedaException.invalidArgument("DATE_IN_PAST",
                    "date " + date + " is before the officer's local today " + today, "field", "date",
                    "date", date.toString(), "today", today.toString());
        }
        Position position = access.position(officer);
        List<Violation> violations = PlanRules.validateException(date, place, start, position, officer);
        if (!violations.isEmpty()) {
            throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                    "the exception breaks " + violations.size() + " rule(s): "
                            + violations.stream().map(Violation::message).collect(Collectors.joining("; ")),
                    violations);
        }
        Instant now = access.now();
        DayException created = new DayException(Ids.newId(), nip, date, place, start, PlanState.SUBMITTED, text, "",
                now, now, 0);
        // One held exception per officer and date is a conditional rule (rejected ones do not hold the
        // date), which a plain unique key cannot state. The officer's row lock serialises this officer's
        // requests, so the check below sees every earlier one and two simultaneous requests cannot both pass.
        return tx.executeWrite(status -> {
            officers.lockByNip(nip);
            if (!exceptions.findByOfficerNipAndOnDateAndStateIn(nip, date, HOLDING).isEmpty()) {
                throw JedaException.failedPrecondition("EXCEPTION_EXISTS",
                        "officer " + nip + " already has a pending or approved exception on " + date,
                        "officer", "officers/" + nip, "date", date.toString());
            }
            return exceptions.save(created);
        });
    }

    /** Exceptions of one officer, or with {@code nip} "-" of the calling officer's direct reports. */
    public PlanPage<DayException> list(Caller caller, String nip, @Nullable PlanState state, PageRequest page) {
        if (state != null && !STATES.contains(state)) {
            throw JedaException.invalidArgument("INVALID_STATE_FILTER",
                    "state may be SUBMITTED, APPROVED or REJECTED", "field", "state");
        }
        int limit = page.size() + 1;
        List<DayException> rows;
        if ("-".equals(nip)) {
            String manager = access.requirePersonSubject(caller);
            rows = state == null ? exceptions.listByManager(manager, limit, page.offset())
                    : exceptions.listByManagerAndState(manager, state.name(), limit, page.offset());
        } else {
            Officer officer = access.officer(nip);
            access.requireReader(caller, officer);
            rows = state == null ? exceptions.listByOfficer(nip, limit, page.offset())
                    : exceptions.listByOfficerAndState(nip, state.name(), limit, page.offset());
        }
        boolean more = rows.size() > page.size();
        List<DayException> out = List.copyOf(more ? rows.subList(0, page.size()) : rows);
        return new PlanPage<>(out, more ? page.nextToken(out.size()) : "");
    }

    /** SUBMITTED -> APPROVED; only the direct manager or ADMIN. The rules are checked again. */
    public DayException approve(Caller caller, String id) {
        DayException e = exception(id);
        Officer officer = access.officer(e.officerNip());
        access.requireDecider(caller, officer);
        requireSubmitted(e, PlanState.APPROVED);
        List<Violation> violations = PlanRules.validateException(e.onDate(), e.place(), e.startTime(),
                access.position(officer), officer);
        if (!violations.isEmpty()) {
            throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                    "the exception breaks " + violations.size() + " rule(s)", violations);
        }
        return move(e, PlanState.APPROVED, "");
    }

    /** SUBMITTED -> REJECTED with a required reason; only the direct manager or ADMIN. */
    public DayException reject(Caller caller, String id, String reason) {
        DayException e = exception(id);
        Officer officer = access.officer(e.officerNip());
        access.requireDecider(caller, officer);
        String why = access.requireReason(reason);
        requireSubmitted(e, PlanState.REJECTED);
        return move(e, PlanState.REJECTED, why);
    }

    private DayException move(DayException e, PlanState to, String reason) {
        if (exceptions.updateStateIfCurrent(e.id(), PlanState.SUBMITTED.name(), to.name(), reason, access.now()) == 0) {
            throw PlanAccess.illegalTransition("dayExceptions/" + e.id(), exception(e.id()).state(), to);
        }
        return exception(e.id());
    }

    private static void requireSubmitted(DayException e, PlanState to) {
        if (e.state() != PlanState.SUBMITTED) {
            throw PlanAccess.illegalTransition("dayExceptions/" + e.id(), e.state(), to);
        }
    }

    private DayException exception(String id) {
        return exceptions.findById(id).orElseThrow(() -> JedaException.notFound("day_exception", "dayExceptions/" + id));
    }
}
