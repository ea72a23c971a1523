package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.WorkPlace;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A one-day exception to a plan (for example a home day swapped for an office day). It is
 * requested SUBMITTED, then approved or rejected once; its moves are methods that return the
 * exception after the move or refuse with {@link IllegalTransitionException}.
 *
 * @param id null for an exception that is only being validated and will not be stored
 */
@MappedEntity("day_exception")
public record DayException(@Id String id, String officerNip, LocalDate onDate, WorkPlace place,
                           @Nullable LocalTime startTime, PlanState state, String note, String decisionReason,
                           Instant createdAt, Instant updatedAt, long version) {

    /** The states an exception can be in. */
    public static final Set<PlanState> STATES = EnumSet.of(PlanState.SUBMITTED, PlanState.APPROVED,
            PlanState.REJECTED);
    /** The states that hold the date: an officer has at most one exception in them per date. */
    public static final Set<PlanState> HOLDING_STATES = EnumSet.of(PlanState.SUBMITTED, PlanState.APPROVED);

    /**
     * A new request, SUBMITTED at once.
     *
     * @param start the start that day, or null to keep the plan's or position's start
     * @throws JedaException INVALID_ARGUMENT (NOTE_TOO_LONG; DATE_IN_PAST for a date before the
     *                       officer's local today)
     */
    public static DayException request(@Nullable String id, String officerNip, LocalDate date, WorkPlace place,
                                       @Nullable LocalTime start, @Nullable String note, LocalDate today,
                                       Instant at) {
        String text = RequestTexts.note(note);
        if (date.isBefore(today)) {
            throw JedaException.invalidArgument("DATE_IN_PAST",
                    "date " + date + " is before the officer's local today " + today, "field", "date",
                    "date", date.toString(), "today", today.toString());
        }
        return new DayException(id, officerNip, date, place, start, PlanState.SUBMITTED, text, "", at, at, 0);
    }

    /** The resource name, `dayExceptions/{id}`. */
    public static String nameOf(String id) {
        return "dayExceptions/" + id;
    }

    /** SUBMITTED -> APPROVED. */
    public DayException approve(Instant at) {
        return move(PlanState.APPROVED, "", at);
    }

    /**
     * SUBMITTED -> REJECTED with the manager's reason.
     *
     * @throws JedaException INVALID_ARGUMENT (REASON_REQUIRED, REASON_TOO_LONG) before the state is looked at
     */
    public DayException reject(String reason, Instant at) {
        return move(PlanState.REJECTED, RequestTexts.reason(reason), at);
    }

    private DayException move(PlanState to, String reason, Instant at) {
        if (state != PlanState.SUBMITTED) {
            throw new IllegalTransitionException(nameOf(id), state, to);
        }
        return new DayException(id, officerNip, onDate, place, startTime, to, note, reason, createdAt, at,
                version + 1);
    }
}
