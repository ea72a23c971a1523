package io.jeda.policy.app.plan;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.app.schedule.ScheduleService;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.schedule.EffectiveDay;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.IllegalTransitionException;
import io.jeda.policy.domain.plan.PlanRules;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.persistence.DayExceptionRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The use cases of one-day exceptions (a home day swapped for an office day): requested by the
 * officer, starting SUBMITTED and validated at once with the same rules as plans ({@link PlanRules}),
 * then approved or rejected by the direct manager. An officer has at most one SUBMITTED or APPROVED
 * exception per date, so the effective schedule never has to choose between two.
 */
@Singleton
public class DayExceptionService {

    private final DayExceptionRepository exceptions;
    private final OfficerRepository officers;
    private final PlanAccess access;
    private final TransactionOperations<Connection> tx;
    private final ScheduleService schedules;
    private final io.jeda.policy.app.changes.ChangeFeed feed;

    /** The week's schedule is read as this service itself, whoever asks. */
    private static final Caller SELF = new Caller("policy-service", java.util.Set.of(Role.SERVICE));

    public DayExceptionService(DayExceptionRepository exceptions, OfficerRepository officers, PlanAccess access,
                               TransactionOperations<Connection> tx, ScheduleService schedules,
                               io.jeda.policy.app.changes.ChangeFeed feed) {
        this.feed = feed;
        this.schedules = schedules;
        this.exceptions = exceptions;
        this.officers = officers;
        this.access = access;
        this.tx = tx;
    }

    /**
     * Requests an exception; only the officer themself. With {@code validateOnly} every rule is
     * checked, including the one exception per date, and the exception is returned as it would be
     * (without a name), but nothing is stored.
     *
     * @param start the start that day, or null to keep the plan's or position's start
     */
    public DayException create(Caller caller, String nip, LocalDate date, WorkPlace place, @Nullable LocalTime start,
                               @Nullable String note, boolean validateOnly) {
        Officer officer = access.officer(nip);
        access.requireOwner(caller, officer);
        DayException requested = DayException.request(validateOnly ? null : Ids.newId(), nip, date, place, start,
                note, access.today(officer), access.now());
        requireRules(requested, officer);
        if (validateOnly) {
            requireDateFree(requested);
            return requested;
        }
        // One held exception per officer and date is a conditional rule (rejected ones do not hold the
        // date), which a plain unique key cannot state. The officer's row lock serialises this officer's
        // requests, so the check below sees every earlier one and two simultaneous requests cannot both pass.
        return tx.executeWrite(status -> {
            officers.lockByNip(nip);
            requireDateFree(requested);
            return exceptions.save(requested);
        });
    }

    /** Exceptions of one officer, or with {@code nip} "-" of the calling officer's direct reports. */
    public PageRequest.Page<DayException> list(Caller caller, String nip, @Nullable PlanState state, PageRequest page) {
        if (state != null && !DayException.STATES.contains(state)) {
            throw JedaException.invalidArgument("INVALID_STATE_FILTER",
                    "state may be SUBMITTED, APPROVED or REJECTED", "field", "state");
        }
        int limit = page.fetchSize();
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
        return page.page(rows);
    }

    /** SUBMITTED -> APPROVED; only the direct manager or ADMIN. The rules are checked again. */
    public DayException approve(Caller caller, String id) {
        DayException e = exception(id);
        Officer officer = access.officer(e.officerNip());
        access.requireDecider(caller, officer);
        DayException approved = e.approve(access.now());
        requireRules(e, officer);
        return store(e, approved);
    }

    /** SUBMITTED -> REJECTED with a required reason; only the direct manager or ADMIN. */
    public DayException reject(Caller caller, String id, String reason) {
        DayException e = exception(id);
        Officer officer = access.officer(e.officerNip());
        access.requireDecider(caller, officer);
        return store(e, e.reject(reason, access.now()));
    }

    /** FAILED_PRECONDITION EXCEPTION_VIOLATES_POLICY with every rule the exception breaks, if any. */
    private void requireRules(DayException e, Officer officer) {
        Position position = access.position(officer);
        List<Violation> violations = new java.util.ArrayList<>(PlanRules.validateException(e.onDate(), e.place(),
                e.startTime(), position, officer));
        // The week as the effective schedule has it now (plan, approved exceptions, holidays, leave).
        LocalDate monday = e.onDate().with(java.time.DayOfWeek.MONDAY);
        java.util.Map<LocalDate, WorkPlace> week = new java.util.HashMap<>();
        for (EffectiveDay d : schedules.list(SELF, officer.nip(), monday, monday.plusDays(6))) {
            if (d.working() && d.place() != null) {
                week.put(d.date(), d.place());
            }
        }
        violations.addAll(PlanRules.weekRemoteDayViolations(e.onDate(), e.place(), week, position));
        if (!violations.isEmpty()) {
            throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "EXCEPTION_VIOLATES_POLICY",
                    "the exception breaks " + violations.size() + " rule(s): "
                            + violations.stream().map(Violation::message).collect(Collectors.joining("; ")),
                    violations);
        }
    }

    /** FAILED_PRECONDITION EXCEPTION_EXISTS when the officer already holds the date. */
    private void requireDateFree(DayException e) {
        if (!exceptions.findByOfficerNipAndOnDateAndStateIn(e.officerNip(), e.onDate(), DayException.HOLDING_STATES)
                .isEmpty()) {
            throw JedaException.failedPrecondition("EXCEPTION_EXISTS",
                    "officer " + e.officerNip() + " already has a pending or approved exception on " + e.onDate(),
                    "officer", "officers/" + e.officerNip(), "date", e.onDate().toString());
        }
    }

    private DayException store(DayException before, DayException after) {
        boolean moved = tx.executeWrite(status -> {
            if (exceptions.updateStateIfCurrent(before.id(), before.state().name(), after.state().name(),
                    after.decisionReason(), after.updatedAt()) == 0) {
                return false;
            }
            feed.officerChanged(before.officerNip(), DayException.nameOf(before.id()));
            return true;
        });
        if (!moved) {
            throw new IllegalTransitionException(DayException.nameOf(before.id()), exception(before.id()).state(),
                    after.state());
        }
        return exception(before.id());
    }

    private DayException exception(String id) {
        return exceptions.findById(id)
                .orElseThrow(() -> JedaException.notFound("day_exception", DayException.nameOf(id)));
    }
}
