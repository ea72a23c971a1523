package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An FWA plan: an officer's weekly pattern over a period of local dates.
 * <p>
 * Its life cycle is DRAFT -> SUBMITTED -> APPROVED or REJECTED, APPROVED -> REVOKED, with ACTIVE and
 * EXPIRED derived from the officer's local today. Each move is a method that returns the plan after
 * the move or refuses with {@link IllegalTransitionException}; the methods take the officer's local
 * today because a refusal names the state as a person sees it (an approved plan whose period has
 * ended is EXPIRED, not APPROVED). Whether the plan keeps the FWA rules is {@link PlanRules}' question,
 * asked by the caller before submitting and approving, since it needs the officer's other plans.
 *
 * @param id    null for a plan that is only being validated and will not be stored
 * @param days  the weekly pattern encoded by {@link PlanDay#encode}
 * @param state the stored state (never ACTIVE or EXPIRED; those are derived by {@link #stateOn})
 */
@MappedEntity("fwa_plan")
public record Plan(@Id String id, String officerNip, LocalDate startDate, LocalDate endDate, String days,
                   PlanState state, String note, String decisionReason, @Nullable String requestId,
                   Instant createdAt, Instant updatedAt, long version) {

    /** The states a plan can be stored in; ACTIVE and EXPIRED are only ever derived. */
    public static final Set<PlanState> STORED_STATES = EnumSet.of(PlanState.DRAFT, PlanState.SUBMITTED,
            PlanState.APPROVED, PlanState.REJECTED, PlanState.REVOKED);

    /** A new DRAFT. The note is checked ({@link RequestTexts#note}); the days must carry their starts. */
    public static Plan draft(@Nullable String id, String officerNip, LocalDate startDate, LocalDate endDate,
                             List<PlanDay> days, @Nullable String note, @Nullable String requestId, Instant at) {
        return new Plan(id, officerNip, startDate, endDate, PlanDay.encode(days), PlanState.DRAFT,
                RequestTexts.note(note), "", requestId, at, at, 0);
    }

    /** The resource name, `plans/{id}`. */
    public static String nameOf(String id) {
        return "plans/" + id;
    }

    /** The state as a person sees it on a local date: an approved plan is ACTIVE or EXPIRED by date. */
    public PlanState stateOn(LocalDate today) {
        if (state != PlanState.APPROVED) {
            return state;
        }
        if (today.isAfter(endDate)) {
            return PlanState.EXPIRED;
        }
        return today.isBefore(startDate) ? PlanState.APPROVED : PlanState.ACTIVE;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /**
     * New values for a DRAFT's editable fields; {@code updatedAt} stays, since the API defines it as
     * the time of the last change of state.
     *
     * @throws JedaException FAILED_PRECONDITION PLAN_NOT_EDITABLE unless the plan is a DRAFT
     */
    public Plan revise(LocalDate newStart, LocalDate newEnd, String newDays, String newNote, LocalDate today) {
        if (state != PlanState.DRAFT) {
            throw notEditable(today);
        }
        return new Plan(id, officerNip, newStart, newEnd, newDays, state, newNote, decisionReason, requestId,
                createdAt, updatedAt, version + 1);
    }

    /** The refusal of a change to a plan that is no longer a DRAFT, naming the state a person sees. */
    public JedaException notEditable(LocalDate today) {
        PlanState shown = stateOn(today);
        return JedaException.failedPrecondition("PLAN_NOT_EDITABLE",
                "plan " + id + " is " + shown + "; only a DRAFT can be changed", "name", nameOf(id),
                "state", shown.name());
    }

    /** DRAFT -> SUBMITTED. */
    public Plan submit(LocalDate today, Instant at) {
        return move(PlanState.DRAFT, PlanState.SUBMITTED, "", today, at);
    }

    /** SUBMITTED -> APPROVED. */
    public Plan approve(LocalDate today, Instant at) {
        return move(PlanState.SUBMITTED, PlanState.APPROVED, "", today, at);
    }

    /**
     * SUBMITTED -> REJECTED with the manager's reason.
     *
     * @throws JedaException INVALID_ARGUMENT (REASON_REQUIRED, REASON_TOO_LONG) before the state is looked at
     */
    public Plan reject(String reason, LocalDate today, Instant at) {
        String why = RequestTexts.reason(reason);
        return move(PlanState.SUBMITTED, PlanState.REJECTED, why, today, at);
    }

    /**
     * APPROVED, as long as it is shown APPROVED or ACTIVE, -> REVOKED with the manager's reason. An
     * EXPIRED plan is history: revoking it would rewrite what was in force.
     */
    public Plan revoke(String reason, LocalDate today, Instant at) {
        String why = RequestTexts.reason(reason);
        PlanState shown = stateOn(today);
        if (shown != PlanState.APPROVED && shown != PlanState.ACTIVE) {
            throw new IllegalTransitionException(nameOf(id), shown, PlanState.REVOKED);
        }
        return withState(PlanState.REVOKED, why, at);
    }

    private Plan move(PlanState from, PlanState to, String reason, LocalDate today, Instant at) {
        if (state != from) {
            throw new IllegalTransitionException(nameOf(id), stateOn(today), to);
        }
        return withState(to, reason, at);
    }

    private Plan withState(PlanState to, String reason, Instant at) {
        return new Plan(id, officerNip, startDate, endDate, days, to, note, reason, requestId, createdAt, at,
                version + 1);
    }
}
