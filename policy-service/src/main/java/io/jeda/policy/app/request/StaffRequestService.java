package io.jeda.policy.app.request;

import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.plan.PlanAccess;
import io.jeda.policy.app.roster.RosterLoader;
import io.jeda.policy.app.roster.RosterService;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.app.changes.ChangeFeed;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.AbsenceKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.request.StaffRequest;
import io.jeda.policy.domain.request.StaffRequestKind;
import io.jeda.policy.domain.request.StaffRequestState;
import io.jeda.policy.domain.roster.RosterDetails;
import io.jeda.policy.domain.roster.RosterMember;
import io.jeda.policy.domain.roster.RosterRotation;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.StaffRequestRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The use cases of requests officers make: leave and official travel decided by the direct manager,
 * and on-call swaps accepted by the other officer and, where the roster requires it, approved by the
 * proposer's manager. An approval and what it changes (the absence, the roster overrides) are one
 * transaction, guarded by the request's state and version, so a double approval changes nothing twice.
 */
@Singleton
public class StaffRequestService {

    private static final int MAX_REQUEST_ID_CHARS = 64;

    private final StaffRequestRepository requests;
    private final AbsenceRepository absences;
    private final OfficerRepository officers;
    private final PlanAccess access;
    private final RosterLoader rosters;
    private final RosterService rosterRules;
    private final RequestSettings settings;
    private final TransactionOperations<Connection> tx;
    /** Tells every replica's caches, in the approval's own transaction, that a schedule or roster changed. */
    private final ChangeFeed feed;

    public StaffRequestService(StaffRequestRepository requests, AbsenceRepository absences,
                               OfficerRepository officers, PlanAccess access, RosterLoader rosters,
                               RosterService rosterRules, RequestSettings settings,
                               TransactionOperations<Connection> tx, ChangeFeed feed) {
        this.feed = feed;
        this.requests = requests;
        this.absences = absences;
        this.officers = officers;
        this.access = access;
        this.rosters = rosters;
        this.rosterRules = rosterRules;
        this.settings = settings;
        this.tx = tx;
    }

    /** What a create needs from the wire; fields that do not belong to the kind are ignored. */
    public record Draft(StaffRequestKind kind, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                        @Nullable String note, @Nullable String rosterId, @Nullable String counterpartNip,
                        @Nullable Instant firstSlotTime, @Nullable Instant secondSlotTime) {
    }

    /**
     * Creates a request of the calling officer. A retry with the same {@code requestId} returns the
     * first request: the officer's row lock serialises their creates, so the retry sees the first.
     */
    public StaffRequestView create(Caller caller, String nip, Draft draft, @Nullable String requestId) {
        Officer officer = access.officer(nip);
        access.requireOwner(caller, officer);
        String key = requestId == null || requestId.isBlank() ? null : requestId.strip();
        if (key != null && key.length() > MAX_REQUEST_ID_CHARS) {
            throw JedaException.invalidArgument("INVALID_REQUEST_ID",
                    "request_id may have at most " + MAX_REQUEST_ID_CHARS + " characters", "field", "request_id");
        }
        if (key != null) {
            Optional<StaffRequest> earlier = requests.findByOfficerNipAndRequestId(nip, key);
            if (earlier.isPresent()) {
                return view(earlier.get());
            }
        }
        if (draft.kind() == null) {
            throw JedaException.invalidField("staff_request.kind",
                    "staff_request.kind must be LEAVE, OFFICIAL_TRAVEL or ONCALL_SWAP");
        }
        StaffRequest made = draft.kind().isAbsence() ? absenceRequest(caller, officer, draft, key)
                : swapRequest(caller, officer, draft, key);
        StaffRequest saved = tx.executeWrite(status -> {
            officers.lockByNip(nip);
            if (key != null) {
                Optional<StaffRequest> earlier = requests.findByOfficerNipAndRequestId(nip, key);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (made.kind().isAbsence()) {
                requireDatesFree(made, null);
            } else {
                requireTurnsFree(made);
            }
            return requests.save(made);
        });
        return view(saved);
    }

    private StaffRequest absenceRequest(Caller caller, Officer officer, Draft d, @Nullable String key) {
        if (d.startDate() == null) {
            throw JedaException.invalidField("staff_request.start_date", "staff_request.start_date is required");
        }
        if (d.endDate() == null) {
            throw JedaException.invalidField("staff_request.end_date", "staff_request.end_date is required");
        }
        StaffRequest r = StaffRequest.absence(Ids.newId(), officer.nip(), d.kind(), d.startDate(), d.endDate(),
                d.note(), access.today(officer), settings.limits(), key, access.actor(caller), access.now());
        requireManager(officer);
        return r;
    }

    private StaffRequest swapRequest(Caller caller, Officer officer, Draft d, @Nullable String key) {
        if (d.rosterId() == null) {
            throw JedaException.invalidField("staff_request.roster", "staff_request.roster is required for a swap");
        }
        if (d.firstSlotTime() == null) {
            throw JedaException.invalidField("staff_request.first_slot_time",
                    "staff_request.first_slot_time (an instant in your own turn) is required");
        }
        if (d.secondSlotTime() == null) {
            throw JedaException.invalidField("staff_request.second_slot_time",
                    "staff_request.second_slot_time (an instant in the other officer's turn) is required");
        }
        RosterDetails roster = rosters.require(d.rosterId());
        String rosterName = "rosters/" + d.rosterId();
        if (roster.members().stream().map(RosterMember::officerNip).noneMatch(officer.nip()::equals)) {
            throw JedaException.failedPrecondition("NOT_ON_ROSTER", "officers/" + officer.nip()
                    + " is not a member of " + rosterName, "roster", rosterName, "officer", "officers/" + officer.nip());
        }
        RosterRotation base = RosterRotation.of(roster.roster(), roster.members(), List.of());
        RosterRotation.Turn mine = turn(base, d.firstSlotTime(), "first_slot_time");
        RosterRotation.Turn theirs = turn(base, d.secondSlotTime(), "second_slot_time");
        if (!mine.primaryNip().equals(officer.nip())) {
            throw JedaException.failedPrecondition("NOT_YOUR_TURN", "the turn at " + mine.start() + " of "
                    + rosterName + " is officers/" + mine.primaryNip() + "'s, not yours", "roster", rosterName,
                    "turn_start", mine.start().toString(), "primary", "officers/" + mine.primaryNip());
        }
        String counterpart = d.counterpartNip() == null ? theirs.primaryNip() : d.counterpartNip();
        if (counterpart.equals(officer.nip()) || !theirs.primaryNip().equals(counterpart)) {
            throw JedaException.failedPrecondition("NOT_COUNTERPART_TURN", "the turn at " + theirs.start() + " of "
                    + rosterName + " is officers/" + theirs.primaryNip() + "'s, not officers/" + counterpart + "'s",
                    "roster", rosterName, "turn_start", theirs.start().toString(),
                    "primary", "officers/" + theirs.primaryNip());
        }
        boolean needsApproval = roster.roster().swapNeedsApproval();
        StaffRequest r = StaffRequest.swap(Ids.newId(), officer.nip(), d.rosterId(), counterpart, mine.start(),
                theirs.start(), needsApproval, d.note(), key, access.actor(caller), access.now());
        if (needsApproval) {
            requireManager(officer);
        }
        // Refused now rather than after the other officer has agreed.
        rosterRules.checkSwap(d.rosterId(), mine.start(), theirs.start());
        return r;
    }

    private static RosterRotation.Turn turn(RosterRotation base, Instant t, String field) {
        return base.turnAt(t).orElseThrow(() -> JedaException.invalidArgument("NO_SLOT_AT_TIME",
                field + " " + t + " is before the roster starts", "field", "staff_request." + field));
    }

    /** Lists the requests an officer made or is the counterpart of, or with "-" the caller's reports'. */
    public PageRequest.Page<StaffRequestView> list(Caller caller, String nip, @Nullable StaffRequestState state,
                                                  PageRequest page) {
        String s = state == null ? null : state.name();
        List<StaffRequest> rows;
        if ("-".equals(nip)) {
            String manager = access.requirePersonSubject(caller);
            rows = requests.listOfManager(manager, s, page.fetchSize(), page.offset());
        } else {
            Officer officer = access.officer(nip);
            access.requireReader(caller, officer);
            rows = requests.listOfOfficer(nip, s, page.fetchSize(), page.offset());
        }
        PageRequest.Page<StaffRequest> p = page.page(rows);
        return new PageRequest.Page<>(views(p.items()), p.nextPageToken());
    }

    public StaffRequestView get(Caller caller, String id) {
        StaffRequest r = request(id);
        requireReader(caller, r);
        return view(r);
    }

    /** Pending -> CANCELLED; only the requester. */
    public StaffRequestView cancel(Caller caller, String id) {
        StaffRequest r = request(id);
        access.requireOwner(caller, access.officer(r.officerNip()));
        return view(store(r, r.cancel(access.actor(caller), access.now()), () -> { }));
    }

    /** A swap accepted by the counterpart; applied at once when the roster does not need the manager. */
    public StaffRequestView accept(Caller caller, String id) {
        StaffRequest r = request(id);
        requireCounterpart(caller, r);
        StaffRequest accepted = r.accept(access.actor(caller), access.now());
        if (accepted.state() == StaffRequestState.APPROVED) {
            return view(store(r, accepted, () -> applySwap(r)));
        }
        rosterRules.checkSwap(r.rosterId(), r.firstSlotTime(), r.secondSlotTime());
        return view(store(r, accepted, () -> { }));
    }

    /** A swap declined by the counterpart. */
    public StaffRequestView decline(Caller caller, String id, @Nullable String reason) {
        StaffRequest r = request(id);
        requireCounterpart(caller, r);
        return view(store(r, r.decline(reason, access.actor(caller), access.now()), () -> { }));
    }

    /**
     * AWAITING_MANAGER -> APPROVED by the requester's direct manager (never the requester) or an admin
     * of their unit: leave and travel become an absence, a swap becomes two roster overrides.
     */
    public StaffRequestView approve(Caller caller, String id) {
        StaffRequest r = request(id);
        requireNotOwn(caller, r);
        access.requireDecider(caller, access.officer(r.officerNip()));
        String actor = access.actor(caller);
        if (!r.kind().isAbsence()) {
            return view(store(r, r.approve(actor, null, access.now()), () -> applySwap(r)));
        }
        String absenceId = Ids.newId();
        StaffRequest approved = r.approve(actor, absenceId, access.now());
        return view(store(r, approved, () -> {
            officers.lockByNip(r.officerNip());
            requireDatesFree(r, r.id());
            absences.save(new Absence(absenceId, r.officerNip(),
                    r.kind() == StaffRequestKind.LEAVE ? AbsenceKind.LEAVE : AbsenceKind.OFFICIAL_TRAVEL,
                    r.startDate(), r.endDate(), r.note(), approved.updatedAt()));
            feed.officerChanged(r.officerNip(), "officers/" + r.officerNip() + "/absences/" + absenceId);
        }));
    }

    /** AWAITING_MANAGER -> REJECTED with a required reason. */
    public StaffRequestView reject(Caller caller, String id, String reason) {
        StaffRequest r = request(id);
        requireNotOwn(caller, r);
        access.requireDecider(caller, access.officer(r.officerNip()));
        return view(store(r, r.reject(reason, access.actor(caller), access.now()), () -> { }));
    }

    // ---------------------------------------------------------------- helpers

    private void applySwap(StaffRequest r) {
        rosterRules.applySwap(r.rosterId(), r.firstSlotTime(), r.secondSlotTime(),
                "tukar jadwal " + StaffRequest.nameOf(r.id()));
        feed.adminChanged("SwapRosterSlots", "rosters/" + r.rosterId(), rosters.require(r.rosterId()).roster().unitId());
    }

    /**
     * Writes the move if nobody moved the request first, and what the move changes, in one
     * transaction; a lost race is ILLEGAL_TRANSITION from the state the other move left.
     */
    private StaffRequest store(StaffRequest before, StaffRequest after, Runnable effects) {
        return tx.executeWrite(status -> {
            int rows = requests.moveIfCurrent(before.id(), before.state().name(), before.version(),
                    after.state().name(), after.decisionReason(), after.decidedBy(), after.absenceId(),
                    after.updatedAt());
            if (rows == 0) {
                StaffRequest now = request(before.id());
                throw JedaException.failedPrecondition("ILLEGAL_TRANSITION", StaffRequest.nameOf(before.id())
                        + " is " + now.state() + " and cannot become " + after.state(), "name",
                        StaffRequest.nameOf(before.id()), "from", now.state().name(), "to", after.state().name());
            }
            effects.run();
            return request(before.id());
        });
    }

    /** FAILED_PRECONDITION NO_MANAGER: nobody could decide. */
    private static void requireManager(Officer officer) {
        if (officer.managerNip() == null || officer.managerNip().isBlank()) {
            throw JedaException.failedPrecondition("NO_MANAGER", "officers/" + officer.nip()
                    + " has no direct manager on record to decide the request; ask an admin to set one",
                    "officer", "officers/" + officer.nip());
        }
    }

    /** FAILED_PRECONDITION ABSENCE_OVERLAPS when the dates meet a recorded absence or another request. */
    private void requireDatesFree(StaffRequest r, @Nullable String self) {
        for (Absence a : absences.findByOfficerNipInAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(
                List.of(r.officerNip()), r.endDate(), r.startDate())) {
            throw JedaException.failedPrecondition("ABSENCE_OVERLAPS", "officers/" + r.officerNip() + " is already "
                    + a.kind() + " from " + a.startDate() + " to " + a.endDate(), "other",
                    "officers/" + r.officerNip() + "/absences/" + a.id(), "start_date", a.startDate().toString(),
                    "end_date", a.endDate().toString());
        }
        for (StaffRequest o : requests.findHoldingAbsences(r.officerNip(), r.startDate(), r.endDate())) {
            if (o.id().equals(self)) {
                continue;
            }
            throw JedaException.failedPrecondition("ABSENCE_OVERLAPS", "officers/" + r.officerNip() + " already asked"
                    + " for " + o.kind() + " from " + o.startDate() + " to " + o.endDate() + " ("
                    + StaffRequest.nameOf(o.id()) + ", " + o.state() + ")", "other", StaffRequest.nameOf(o.id()),
                    "start_date", o.startDate().toString(), "end_date", o.endDate().toString());
        }
    }

    /** FAILED_PRECONDITION SWAP_PENDING when either turn is already in a pending swap. */
    private void requireTurnsFree(StaffRequest r) {
        List<StaffRequest> pending = requests.findPendingSwapsOfTurns(r.rosterId(), r.firstSlotTime(),
                r.secondSlotTime());
        if (!pending.isEmpty()) {
            throw JedaException.failedPrecondition("SWAP_PENDING", "a turn of this swap is already in "
                    + StaffRequest.nameOf(pending.get(0).id()) + ", still waiting for a decision",
                    "other", StaffRequest.nameOf(pending.get(0).id()));
        }
    }

    /** PERMISSION_DENIED OWN_REQUEST: nobody decides their own request, whatever else their roles. */
    private static void requireNotOwn(Caller caller, StaffRequest r) {
        if (caller.isOfficer(r.officerNip())) {
            throw JedaException.permissionDenied("OWN_REQUEST", "officers/" + r.officerNip()
                    + " cannot decide their own request " + StaffRequest.nameOf(r.id()), "subject", caller.subject(),
                    "name", StaffRequest.nameOf(r.id()));
        }
    }

    private void requireCounterpart(Caller caller, StaffRequest r) {
        if (r.counterpartNip() == null || !caller.isOfficer(r.counterpartNip())) {
            throw JedaException.permissionDenied("NOT_COUNTERPART", "only the other officer of the swap may accept"
                    + " or decline " + StaffRequest.nameOf(r.id()), "subject", caller.subject(),
                    "name", StaffRequest.nameOf(r.id()));
        }
    }

    /** The requester, the counterpart, the requester's manager and admins of the requester's unit. */
    private void requireReader(Caller caller, StaffRequest r) {
        if (r.counterpartNip() != null && caller.isOfficer(r.counterpartNip())) {
            return;
        }
        access.requireReader(caller, access.officer(r.officerNip()));
    }

    private StaffRequest request(String id) {
        return requests.findById(id).orElseThrow(() -> JedaException.notFound("staff_request",
                StaffRequest.nameOf(id)));
    }

    private StaffRequestView view(StaffRequest r) {
        return views(List.of(r)).get(0);
    }

    private List<StaffRequestView> views(List<StaffRequest> rs) {
        Set<String> nips = new HashSet<>();
        for (StaffRequest r : rs) {
            nips.add(r.officerNip());
            if (r.counterpartNip() != null) {
                nips.add(r.counterpartNip());
            }
        }
        Map<String, String> names = new HashMap<>();
        if (!nips.isEmpty()) {
            officers.findByNipIn(nips).forEach(o -> names.put(o.nip(), o.displayName()));
        }
        List<StaffRequestView> out = new ArrayList<>();
        for (StaffRequest r : rs) {
            out.add(new StaffRequestView(r, names.getOrDefault(r.officerNip(), ""),
                    r.counterpartNip() == null ? "" : names.getOrDefault(r.counterpartNip(), "")));
        }
        return out;
    }
}
