package io.jeda.gateway.app;

import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.names.AttendanceDayName;
import io.jeda.gateway.client.AttendanceSource;
import io.jeda.gateway.client.Forwarder;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.gateway.v1.MyOnCall;
import io.jeda.gateway.v1.OnCallRoster;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Roster;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An officer acting for themself: check-in and check-out, their effective schedule, their FWA plans
 * and one-day exceptions, and their attendance days. The officer is always the token's subject; every
 * request is forwarded with the officer's own token to the service that owns the data, which checks
 * the caller again. A check-in or check-out made here is seen by reachability at once: the gateway
 * forgets its cached attendance status of the officer.
 */
@Singleton
public class OfficerRequests {

    private final Forwarder forward;
    private final AttendanceSource attendance;
    private final PolicyClient policy;
    private final Clock clock;

    public OfficerRequests(Forwarder forward, AttendanceSource attendance, PolicyClient policy, Clock clock) {
        this.clock = clock;
        this.forward = forward;
        this.attendance = attendance;
        this.policy = policy;
    }

    /**
     * The caller's name, NIP, unit, the unit's time zone and roles. The officer comes from
     * policy-service through the gateway's cache of officers (the one reachability answers use).
     *
     * @throws JedaException NOT_FOUND when policy-service knows no such officer, UNAVAILABLE
     *                       (POLICY_UNAVAILABLE) when it does not answer
     */
    public Me me(Person p) {
        Access.person(p.caller());
        OfficerProfile o = profile(p.caller().subject()).orElseThrow(
                () -> JedaException.notFound("officer", p.officer()));
        return new Me(p.officer(), o.nip(), o.displayName(), "units/" + o.unitId(), o.zone().getId(),
                p.caller().roles().stream().map(Enum::name).sorted().toList());
    }

    /**
     * The officer as {@link #me} finds it, empty when policy-service knows none.
     *
     * @throws JedaException UNAVAILABLE when policy-service does not answer
     */
    public Optional<OfficerProfile> profile(String nip) {
        Sourced<OfficerProfile> got = policy.officer(nip);
        if (!got.available()) {
            throw JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                    "policy-service did not answer; try again shortly", "source", got.unavailableSource());
        }
        return got.present();
    }

    /**
     * @param headerKey the {@code Idempotency-Key} header, or null; it and the body's key may both be
     *                  given only when they agree
     */
    public AttendanceEvent checkIn(Person p, String headerKey, CheckInRequest body) {
        Access.person(p.caller());
        CheckInRequest req = body.toBuilder().setOfficer(p.officer())
                .setIdempotencyKey(idempotencyKey(headerKey, body.getIdempotencyKey())).build();
        AttendanceEvent e = forward.attendance(p.token(), s -> s.checkIn(req));
        attendance.forget(p.caller().subject());
        return e;
    }

    public AttendanceEvent checkOut(Person p, String headerKey, CheckOutRequest body) {
        Access.person(p.caller());
        CheckOutRequest req = body.toBuilder().setOfficer(p.officer())
                .setIdempotencyKey(idempotencyKey(headerKey, body.getIdempotencyKey())).build();
        AttendanceEvent e = forward.attendance(p.token(), s -> s.checkOut(req));
        attendance.forget(p.caller().subject());
        return e;
    }

    /** Today's schedule in the officer's zone when {@code from} is null; else {@code from} to {@code to}. */
    public ListEffectiveSchedulesResponse schedule(Person p, LocalDate from, LocalDate to) {
        Access.person(p.caller());
        if (from == null) {
            var today = forward.schedules(p.token(), s -> s.getEffectiveSchedule(
                    GetEffectiveScheduleRequest.newBuilder().setOfficer(p.officer()).build()));
            return ListEffectiveSchedulesResponse.newBuilder().addSchedules(today).build();
        }
        LocalDate end = to == null ? from : to;
        return forward.schedules(p.token(), s -> s.listEffectiveSchedules(
                ListEffectiveSchedulesRequest.newBuilder().setOfficer(p.officer())
                        .setStartDate(ReachabilityMapper.date(from)).setEndDate(ReachabilityMapper.date(end)).build()));
    }

    /** @param state unspecified for every state */
    public ListPlansResponse plans(Person p, PlanState state, int pageSize, String pageToken) {
        Access.person(p.caller());
        ListPlansRequest req = ListPlansRequest.newBuilder().setParent(p.officer()).setPageSize(pageSize)
                .setPageToken(pageToken).setState(state).build();
        return forward.plans(p.token(), s -> s.listPlans(req));
    }

    /**
     * A DRAFT plan; a retry with the same {@code requestId} returns the first plan. With
     * {@code validateOnly} nothing is stored: the plan is checked against every rule a submission is
     * checked against, and refused the same way (every broken rule listed) or returned without a name.
     */
    public Plan createPlan(Person p, String requestId, Plan plan, boolean validateOnly) {
        Access.person(p.caller());
        CreatePlanRequest req = CreatePlanRequest.newBuilder().setParent(p.officer())
                .setPlan(plan.toBuilder().setOfficer(p.officer())).setRequestId(requestId == null ? "" : requestId.trim())
                .setValidateOnly(validateOnly).build();
        return forward.plans(p.token(), s -> s.createPlan(req));
    }

    public Plan plan(Person p, String name) {
        Access.person(p.caller());
        return forward.plans(p.token(), s -> s.getPlan(GetPlanRequest.newBuilder().setName(name).build()));
    }

    /** DRAFT to SUBMITTED; every rule the plan breaks comes back at once as violations. */
    public Plan submitPlan(Person p, String name) {
        Access.person(p.caller());
        return forward.plans(p.token(), s -> s.submitPlan(SubmitPlanRequest.newBuilder().setName(name).build()));
    }

    public ListDayExceptionsResponse dayExceptions(Person p, PlanState state, int pageSize, String pageToken) {
        Access.person(p.caller());
        ListDayExceptionsRequest req = ListDayExceptionsRequest.newBuilder().setParent(p.officer())
                .setPageSize(pageSize).setPageToken(pageToken).setState(state).build();
        return forward.plans(p.token(), s -> s.listDayExceptions(req));
    }

    /**
     * A one-day exception; unlike a plan it is SUBMITTED at once. With {@code validateOnly} nothing is
     * stored: every rule is checked and the exception is refused or returned without a name.
     */
    public DayException createDayException(Person p, DayException exception, boolean validateOnly) {
        Access.person(p.caller());
        CreateDayExceptionRequest req = CreateDayExceptionRequest.newBuilder().setParent(p.officer())
                .setDayException(exception.toBuilder().setOfficer(p.officer())).setValidateOnly(validateOnly).build();
        return forward.plans(p.token(), s -> s.createDayException(req));
    }

    public AttendanceMonth attendanceMonth(Person p, YearMonth month) {
        Access.person(p.caller());
        return forward.days(p.token(), s -> s.getAttendanceMonth(GetAttendanceMonthRequest.newBuilder()
                .setOfficer(p.officer()).setYear(month.getYear()).setMonth(month.getMonthValue()).build()));
    }

    public AttendanceDay attendanceDay(Person p, LocalDate date) {
        Access.person(p.caller());
        return forward.days(p.token(), s -> s.getAttendanceDay(GetAttendanceDayRequest.newBuilder()
                .setName(AttendanceDayName.of(p.caller().subject(), date).toString()).build()));
    }

    /** How many turns of each roster are looked through for the officer's own. */
    static final int ON_CALL_TURNS = 100;

    /**
     * The officer's coming on-call turns (as primary or as backup) on the rosters of their unit, the
     * one in force now first, in time order; read with the officer's own token.
     */
    public MyOnCall onCall(Person p) {
        Access.person(p.caller());
        OfficerProfile o = profile(p.caller().subject()).orElseThrow(
                () -> JedaException.notFound("officer", p.officer()));
        List<Roster> rosters = forward.rosters(p.token(), s -> s.listRosters(ListRostersRequest.newBuilder()
                .setUnit("units/" + o.unitId()).setPageSize(500).build())).getRostersList();
        List<OnCallSlot> mine = new ArrayList<>();
        MyOnCall.Builder out = MyOnCall.newBuilder();
        for (Roster r : rosters) {
            boolean member = r.getMembersList().stream().anyMatch(m -> m.getOfficer().equals(p.officer())
                    || m.getBackupOfficer().equals(p.officer()));
            if (!member) {
                continue;
            }
            out.addRosters(OnCallRoster.newBuilder().setName(r.getName()).setDisplayName(r.getDisplayName()));
            forward.rosters(p.token(), s -> s.listOnCallSlots(ListOnCallSlotsRequest.newBuilder()
                            .setParent(r.getName()).setTime(ReachabilityMapper.timestamp(clock.instant()))
                            .setPageSize(ON_CALL_TURNS).build())).getSlotsList().stream()
                    .filter(x -> x.getPrimary().equals(p.officer()) || x.getBackup().equals(p.officer()))
                    .forEach(mine::add);
        }
        mine.sort(Comparator.comparingLong((OnCallSlot x) -> x.getStartTime().getSeconds())
                .thenComparing(OnCallSlot::getRoster));
        return out.addAllSlots(mine).build();
    }

    /** The key from the header or the body; both may be given only when they agree. */
    static String idempotencyKey(String header, String body) {
        String h = header == null ? "" : header.trim();
        if (!h.isEmpty() && !body.isEmpty() && !h.equals(body)) {
            throw JedaException.invalidArgument("IDEMPOTENCY_KEY_MISMATCH",
                    "the Idempotency-Key header and the body's idempotencyKey differ", "field", "idempotencyKey");
        }
        return h.isEmpty() ? body : h;
    }
}
