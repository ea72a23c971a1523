package io.jeda.policy.app.plan;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.UpdateFields;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.plan.IllegalTransitionException;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanDay;
import io.jeda.policy.domain.plan.PlanInput;
import io.jeda.policy.domain.plan.PlanRules;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.domain.plan.PlanTransition;
import io.jeda.policy.domain.plan.PlanView;
import io.jeda.policy.domain.plan.RequestTexts;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PlanRepository;
import io.jeda.policy.persistence.PlanStore;
import io.jeda.policy.persistence.PlanTransitionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The use cases of FWA plans: who may do what, loading what the rules need, and storing a move. The
 * moves themselves are the plan's ({@link Plan#submit}, {@link Plan#approve}, ...); the FWA rules are
 * {@link PlanRules}', checked at submission and again at approval, because the position may change in
 * between.
 * <p>
 * A create is written by {@link PlanStore}, which also decides a retried one. Every state change is
 * a conditional UPDATE on the expected state plus one row of history in the same transaction, so
 * two concurrent decisions on one plan cannot both succeed and the history never disagrees with the
 * plan.
 */
@Singleton
public class PlanService {

    /** The update mask paths an officer may change. */
    public static final Set<String> UPDATABLE_FIELDS = Set.of("start_date", "end_date", "days", "note");
    /** Longest client-made request id. */
    private static final int MAX_REQUEST_ID_CHARS = 64;

    private final PlanRepository plans;
    private final PlanStore store;
    private final PlanTransitionRepository transitions;
    private final OfficerRepository officers;
    private final PlanAccess access;
    private final PolicySettings settings;
    private final TransactionOperations<Connection> tx;
    private final io.jeda.policy.app.changes.ChangeFeed feed;

    public PlanService(PlanRepository plans, PlanStore store, PlanTransitionRepository transitions,
                       OfficerRepository officers, PlanAccess access, PolicySettings settings,
                       TransactionOperations<Connection> tx, io.jeda.policy.app.changes.ChangeFeed feed) {
        this.feed = feed;
        this.plans = plans;
        this.store = store;
        this.transitions = transitions;
        this.officers = officers;
        this.access = access;
        this.settings = settings;
        this.tx = tx;
    }

    /**
     * Creates a DRAFT plan. With a request id the create is idempotent: the UNIQUE(officer_nip,
     * request_id) constraint decides, and a retry that hits it gets the plan the first request made.
     * <p>
     * With {@code validateOnly} nothing is stored: the plan is checked against every rule a
     * submission would check, refused the same way when it breaks any, and otherwise returned as it
     * would be created, without a name.
     */
    public PlanView create(Caller caller, String nip, PlanInput input, @Nullable String requestId,
                           boolean validateOnly) {
        Officer officer = access.officer(nip);
        access.requireOwnerOrAdmin(caller, officer);
        Position position = access.position(officer);
        if (input.startDate() == null || input.endDate() == null || input.days() == null) {
            throw JedaException.invalidField("plan", "start_date, end_date and days are required");
        }
        PlanRules.checkPeriod(input.startDate(), input.endDate(), settings);
        List<PlanDay> days = withStarts(input.days(), position);
        PlanRules.checkDays(days);
        String note = RequestTexts.note(input.note());
        String key = requestId == null || requestId.isBlank() ? null : requestId.strip();
        if (key != null && key.length() > MAX_REQUEST_ID_CHARS) {
            throw JedaException.invalidArgument("INVALID_REQUEST_ID",
                    "request_id may have at most " + MAX_REQUEST_ID_CHARS + " characters", "field", "request_id");
        }
        Instant now = access.now();
        if (validateOnly) {
            Plan draft = Plan.draft(null, nip, input.startDate(), input.endDate(), days, note, key, now);
            requireRules(draft, officer, position);
            return view(draft, officer);
        }
        Plan plan = Plan.draft(Ids.newId(), nip, input.startDate(), input.endDate(), days, note, key, now);
        return view(store.create(plan, PlanTransition.created(plan, access.actor(caller))).plan(), officer);
    }

    public PlanView get(Caller caller, String id) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireReader(caller, officer);
        return view(plan, officer);
    }

    /**
     * Plans of one officer, or with {@code nip} "-" of the calling officer's direct reports; newest
     * first.
     *
     * @param state a stored state to filter by, or null for all
     */
    public PageRequest.Page<PlanView> list(Caller caller, String nip, @Nullable PlanState state, PageRequest page) {
        if (state != null && !Plan.STORED_STATES.contains(state)) {
            throw JedaException.invalidArgument("INVALID_STATE_FILTER",
                    "state may be DRAFT, SUBMITTED, APPROVED, REJECTED or REVOKED; ACTIVE and EXPIRED are derived",
                    "field", "state");
        }
        int limit = page.fetchSize();
        List<Plan> fetched;
        Map<String, Officer> owners;
        if ("-".equals(nip)) {
            String manager = access.requirePersonSubject(caller);
            owners = officers.findByManagerNip(manager).stream()
                    .collect(Collectors.toMap(Officer::nip, Function.identity()));
            fetched = state == null ? plans.listByManager(manager, limit, page.offset())
                    : plans.listByManagerAndState(manager, state.name(), limit, page.offset());
        } else {
            Officer officer = access.officer(nip);
            access.requireReader(caller, officer);
            owners = Map.of(officer.nip(), officer);
            fetched = state == null ? plans.listByOfficer(nip, limit, page.offset())
                    : plans.listByOfficerAndState(nip, state.name(), limit, page.offset());
        }
        PageRequest.Page<Plan> rows = page.page(fetched);
        Function<Officer, LocalDate> today = access.todayOfEach();
        List<PlanView> out = new ArrayList<>();
        for (Plan p : rows.items()) {
            Officer o = owners.get(p.officerNip());
            out.add(new PlanView(p, o == null ? p.state() : p.stateOn(today.apply(o))));
        }
        return new PageRequest.Page<>(out, rows.nextPageToken());
    }

    /**
     * Changes fields of a DRAFT; only the owner. Fields not among the resolved ones are left as they
     * are, even when the input carries them.
     */
    public PlanView update(Caller caller, String id, UpdateFields fields, PlanInput input) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireOwner(caller, officer);
        LocalDate today = access.today(officer);
        if (plan.state() != PlanState.DRAFT) {
            // Refused before the mask is looked at: nothing about a submitted plan can change.
            throw plan.notEditable(today);
        }
        Set<String> paths = fields.resolve(UPDATABLE_FIELDS);
        if (paths.isEmpty()) {
            return view(plan, officer);
        }
        Position position = access.position(officer);
        LocalDate start = paths.contains("start_date") ? required(input.startDate(), "start_date") : plan.startDate();
        LocalDate end = paths.contains("end_date") ? required(input.endDate(), "end_date") : plan.endDate();
        PlanRules.checkPeriod(start, end, settings);
        String days = plan.days();
        if (paths.contains("days")) {
            List<PlanDay> d = withStarts(input.days() == null ? List.of() : input.days(), position);
            PlanRules.checkDays(d);
            days = PlanDay.encode(d);
        }
        String note = paths.contains("note") ? RequestTexts.note(input.note()) : plan.note();
        Plan revised = plan.revise(start, end, days, note, today);
        if (plans.updateDraft(id, revised.startDate(), revised.endDate(), revised.days(), revised.note()) == 0) {
            // Submitted (or deleted) between our read and our write.
            throw plan(id).notEditable(today);
        }
        return view(plan(id), officer);
    }

    /**
     * DRAFT -> SUBMITTED after validation; only the owner. With {@code validateOnly} the rules are
     * checked and the plan is returned as it would be, but nothing is stored.
     */
    public PlanView submit(Caller caller, String id, boolean validateOnly) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireOwner(caller, officer);
        Plan submitted = plan.submit(access.today(officer), access.now());
        if (validateOnly) {
            requireRules(plan, officer, access.position(officer));
            return view(submitted, officer);
        }
        return store(caller, plan, submitted, officer, true);
    }

    /** SUBMITTED -> APPROVED after validating again; only the direct manager or ADMIN. */
    public PlanView approve(Caller caller, String id) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireDecider(caller, officer);
        return store(caller, plan, plan.approve(access.today(officer), access.now()), officer, true);
    }

    /** SUBMITTED -> REJECTED with a reason; only the direct manager or ADMIN. */
    public PlanView reject(Caller caller, String id, String reason) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireDecider(caller, officer);
        return store(caller, plan, plan.reject(reason, access.today(officer), access.now()), officer, false);
    }

    /** APPROVED (shown APPROVED or ACTIVE) -> REVOKED with a reason; only the direct manager or ADMIN. */
    public PlanView revoke(Caller caller, String id, String reason) {
        Plan plan = plan(id);
        Officer officer = access.officer(plan.officerNip());
        access.requireDecider(caller, officer);
        return store(caller, plan, plan.revoke(reason, access.today(officer), access.now()), officer, false);
    }

    /** The history of a plan, oldest first; for the owner, the direct manager, ADMIN and SERVICE. */
    public PageRequest.Page<PlanTransition> transitions(Caller caller, String id, PageRequest page) {
        Plan plan = plan(id);
        access.requireReader(caller, access.officer(plan.officerNip()));
        return page.page(transitions.listByPlan(id, page.fetchSize(), page.offset()));
    }

    /** FAILED_PRECONDITION PLAN_VIOLATES_POLICY with every rule the plan breaks, if it breaks any. */
    private void requireRules(Plan plan, Officer officer, Position position) {
        List<Plan> others = new ArrayList<>();
        for (PlanState s : List.of(PlanState.SUBMITTED, PlanState.APPROVED)) {
            others.addAll(plans.findByOfficerNipInAndStateAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(
                    List.of(officer.nip()), s, plan.endDate(), plan.startDate()));
        }
        List<Violation> violations = PlanRules.validate(plan, position, officer, others, access.today(officer),
                settings);
        if (!violations.isEmpty()) {
            String which = plan.id() == null ? "the plan" : "plan " + plan.id();
            throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "PLAN_VIOLATES_POLICY",
                    which + " breaks " + violations.size() + " rule(s): "
                            + violations.stream().map(Violation::message).collect(Collectors.joining("; ")),
                    violations);
        }
    }

    /**
     * Stores a move of the plan with its row of history. A move into a state that holds the plan's
     * dates (SUBMITTED, APPROVED) checks the rules, which look at the officer's other held plans, in
     * the same transaction under the officer's row lock: two overlapping plans submitted at once then
     * cannot both pass.
     */
    private PlanView store(Caller caller, Plan before, Plan after, Officer officer, boolean validateUnderLock) {
        boolean moved = tx.executeWrite(status -> {
            if (validateUnderLock) {
                officers.lockByNip(officer.nip());
                requireRules(before, officer, access.position(officer));
            }
            if (plans.updateStateIfCurrent(before.id(), before.state().name(), after.state().name(),
                    after.decisionReason(), after.updatedAt()) == 0) {
                return false;
            }
            transitions.save(PlanTransition.between(before, after, access.actor(caller)));
            feed.officerChanged(officer.nip(), Plan.nameOf(before.id()));
            return true;
        });
        Plan current = plan(before.id());
        if (!moved) {
            // Someone else changed the plan after we read it; report what it is now.
            throw new IllegalTransitionException(Plan.nameOf(before.id()), current.stateOn(access.today(officer)),
                    after.state());
        }
        return view(current, officer);
    }

    private Plan plan(String id) {
        return plans.findById(id).orElseThrow(() -> JedaException.notFound("plan", Plan.nameOf(id)));
    }

    private PlanView view(Plan plan, Officer officer) {
        return new PlanView(plan, plan.stateOn(access.today(officer)));
    }

    private static List<PlanDay> withStarts(List<PlanDay> days, Position position) {
        return days.stream()
                .map(d -> d.start() == null ? new PlanDay(d.dayOfWeek(), d.place(), position.defaultStart()) : d)
                .toList();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw JedaException.invalidField(field, field + " is required when it is in the update mask");
        }
        return value;
    }
}
