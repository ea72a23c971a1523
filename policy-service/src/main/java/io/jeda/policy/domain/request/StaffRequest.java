package io.jeda.policy.domain.request;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.plan.RequestTexts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A request an officer made: leave or official travel for their direct manager to decide, or an
 * on-call swap with another member of a roster. Its moves are methods that return the request
 * after the move or refuse with FAILED_PRECONDITION ILLEGAL_TRANSITION, so who may move it (the
 * use case's business) and whether the move is allowed (this class) stay apart, as in
 * grafana/oncall's ShiftSwapRequest.
 *
 * @param firstSlotTime  swap: start (UTC) of the requester's own base turn
 * @param secondSlotTime swap: start (UTC) of the counterpart's base turn
 * @param needsApproval  whether the manager decides (always for leave and travel)
 */
@MappedEntity("staff_request")
public record StaffRequest(@Id String id, String officerNip, StaffRequestKind kind, StaffRequestState state,
                           @Nullable LocalDate startDate, @Nullable LocalDate endDate, String note,
                           @Nullable String rosterId, @Nullable String counterpartNip,
                           @Nullable Instant firstSlotTime, @Nullable Instant secondSlotTime, boolean needsApproval,
                           String decisionReason, String decidedBy, @Nullable String absenceId,
                           @Nullable String requestId, Instant createdAt, Instant updatedAt, long version) {

    /** The limits of leave and travel dates, from configuration. */
    public record DateLimits(int maxDaysBack, int maxDaysAhead, int maxDays) {
    }

    /** The resource name, `staffRequests/{id}`. */
    public static String nameOf(String id) {
        return "staffRequests/" + id;
    }

    /**
     * Leave or official travel over [start, end], AWAITING_MANAGER at once.
     *
     * @param today the officer's local today
     * @throws JedaException INVALID_ARGUMENT: INVALID_DATE_RANGE (start after end), DATE_IN_PAST
     *                       (start more than maxDaysBack before today), DATE_TOO_FAR (start more than
     *                       maxDaysAhead after today), ABSENCE_TOO_LONG (more than maxDays days), NOTE_TOO_LONG
     */
    public static StaffRequest absence(String id, String officerNip, StaffRequestKind kind, LocalDate start,
                                       LocalDate end, @Nullable String note, LocalDate today, DateLimits limits,
                                       @Nullable String requestId, String actor, Instant at) {
        if (!kind.isAbsence()) {
            throw new IllegalArgumentException(kind + " is not an absence");
        }
        String text = RequestTexts.note(note);
        if (start.isAfter(end)) {
            throw JedaException.invalidArgument("INVALID_DATE_RANGE", "start_date " + start + " is after end_date "
                    + end, "field", "staff_request.end_date", "start_date", start.toString(), "end_date", end.toString());
        }
        LocalDate earliest = today.minusDays(limits.maxDaysBack());
        if (start.isBefore(earliest)) {
            throw JedaException.invalidArgument("DATE_IN_PAST", "start_date " + start + " is before " + earliest
                    + " (the officer's local today " + today + " minus " + limits.maxDaysBack() + " days)",
                    "field", "staff_request.start_date", "start_date", start.toString(), "today", today.toString(),
                    "max_days_back", String.valueOf(limits.maxDaysBack()));
        }
        LocalDate latest = today.plusDays(limits.maxDaysAhead());
        if (start.isAfter(latest)) {
            throw JedaException.invalidArgument("DATE_TOO_FAR", "start_date " + start + " is after " + latest
                    + " (at most " + limits.maxDaysAhead() + " days ahead)", "field", "staff_request.start_date",
                    "start_date", start.toString(), "max_days_ahead", String.valueOf(limits.maxDaysAhead()));
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > limits.maxDays()) {
            throw JedaException.invalidArgument("ABSENCE_TOO_LONG", "the request covers " + days
                    + " days; at most " + limits.maxDays() + " in one request", "field", "staff_request.end_date",
                    "days", String.valueOf(days), "max_days", String.valueOf(limits.maxDays()));
        }
        return new StaffRequest(id, officerNip, kind, StaffRequestState.AWAITING_MANAGER, start, end, text, null,
                null, null, null, true, "", actor, null, requestId, at, at, 0);
    }

    /**
     * A swap of two base turns of a roster proposed to the counterpart, AWAITING_COUNTERPART.
     *
     * @throws JedaException FAILED_PRECONDITION TURN_STARTED when either turn has begun by {@code at}
     */
    public static StaffRequest swap(String id, String officerNip, String rosterId, String counterpartNip,
                                    Instant firstTurnStart, Instant secondTurnStart, boolean needsApproval,
                                    @Nullable String note, @Nullable String requestId, String actor, Instant at) {
        String text = RequestTexts.note(note);
        for (Instant t : new Instant[] {firstTurnStart, secondTurnStart}) {
            if (!t.isAfter(at)) {
                throw JedaException.failedPrecondition("TURN_STARTED", "the turn starting " + t
                        + " has begun; only turns still to come can be swapped", "turn_start", t.toString());
            }
        }
        return new StaffRequest(id, officerNip, StaffRequestKind.ONCALL_SWAP, StaffRequestState.AWAITING_COUNTERPART,
                null, null, text, rosterId, counterpartNip, firstTurnStart, secondTurnStart, needsApproval, "",
                actor, null, requestId, at, at, 0);
    }

    /** A swap: AWAITING_COUNTERPART -> AWAITING_MANAGER, or APPROVED when the manager need not decide. */
    public StaffRequest accept(String by, Instant at) {
        requireSwap();
        return move(StaffRequestState.AWAITING_COUNTERPART,
                needsApproval ? StaffRequestState.AWAITING_MANAGER : StaffRequestState.APPROVED, "", by, null, at);
    }

    /** A swap: AWAITING_COUNTERPART -> DECLINED, with a required reason (REASON_REQUIRED). */
    public StaffRequest decline(String reason, String by, Instant at) {
        String r = RequestTexts.reason(reason);
        requireSwap();
        return move(StaffRequestState.AWAITING_COUNTERPART, StaffRequestState.DECLINED, r, by, null, at);
    }

    /** Pending -> CANCELLED. */
    public StaffRequest cancel(String by, Instant at) {
        if (!StaffRequestState.PENDING.contains(state)) {
            throw illegal(StaffRequestState.CANCELLED);
        }
        return with(StaffRequestState.CANCELLED, "", by, null, at);
    }

    /** AWAITING_MANAGER -> APPROVED; {@code absenceId} is the absence leave or travel became. */
    public StaffRequest approve(String by, @Nullable String absenceId, Instant at) {
        return move(StaffRequestState.AWAITING_MANAGER, StaffRequestState.APPROVED, "", by, absenceId, at);
    }

    /** AWAITING_MANAGER -> REJECTED with a required reason (REASON_REQUIRED before the state is looked at). */
    public StaffRequest reject(String reason, String by, Instant at) {
        String r = RequestTexts.reason(reason);
        return move(StaffRequestState.AWAITING_MANAGER, StaffRequestState.REJECTED, r, by, null, at);
    }

    private void requireSwap() {
        if (kind != StaffRequestKind.ONCALL_SWAP) {
            throw JedaException.failedPrecondition("NOT_A_SWAP", nameOf(id) + " is a " + kind
                    + " request; only a swap is accepted or declined", "name", nameOf(id), "kind", kind.name());
        }
    }

    private StaffRequest move(StaffRequestState from, StaffRequestState to, String reason, String by,
                              @Nullable String absence, Instant at) {
        if (state != from) {
            throw illegal(to);
        }
        return with(to, reason, by, absence, at);
    }

    private StaffRequest with(StaffRequestState to, String reason, String by, @Nullable String absence, Instant at) {
        return new StaffRequest(id, officerNip, kind, to, startDate, endDate, note, rosterId, counterpartNip,
                firstSlotTime, secondSlotTime, needsApproval, reason, by, absence, requestId, createdAt, at,
                version + 1);
    }

    private JedaException illegal(StaffRequestState to) {
        return JedaException.failedPrecondition("ILLEGAL_TRANSITION", nameOf(id) + " is " + state + " and cannot become "
                + to, "name", nameOf(id), "from", state.name(), "to", to.name());
    }
}
