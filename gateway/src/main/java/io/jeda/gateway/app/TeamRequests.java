package io.jeda.gateway.app;

import io.jeda.common.grpc.Pages;
import io.jeda.common.names.OfficerName;
import io.jeda.common.security.Caller;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.PeopleSettings;
import io.jeda.gateway.client.AnswerBudget;
import io.jeda.gateway.client.AttendanceSource;
import io.jeda.gateway.client.Forwarder;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.TeamBoard;
import io.jeda.gateway.v1.TeamInbox;
import io.jeda.gateway.v1.TeamMember;
import io.jeda.gateway.v1.Urgency;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.v1.RosterTurns;
import io.jeda.gateway.v1.TeamMemberWeek;
import io.jeda.gateway.v1.TeamOnCall;
import io.jeda.gateway.v1.TeamWeek;
import io.jeda.policy.v1.GetPositionRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.Roster;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manager acting for their direct reports: the inbox of submitted plans and one-day exceptions,
 * the decisions on them, and the team board (today's attendance and ROUTINE reachability of every
 * direct report in one answer). Decisions and lists are forwarded with the manager's own token, so
 * policy-service checks that the officer reports to the caller. An approval changes the officer's
 * days, so the gateway forgets its cached schedules of that officer here, whichever entry point the
 * approval came through.
 */
@Singleton
public class TeamRequests {

    private final Forwarder forward;
    private final PeopleSettings people;
    private final GatewaySettings settings;
    private final ReachabilityApi reachability;
    private final AttendanceSource attendance;
    private final PolicyClient policy;
    private final Clock clock;

    public TeamRequests(Forwarder forward, PeopleSettings people, GatewaySettings settings,
                        ReachabilityApi reachability, AttendanceSource attendance, PolicyClient policy, Clock clock) {
        this.forward = forward;
        this.people = people;
        this.settings = settings;
        this.reachability = reachability;
        this.attendance = attendance;
        this.policy = policy;
        this.clock = clock;
    }

    /** What waits for the caller's decision. */
    public TeamInbox inbox(Person p) {
        Access.manager(p.caller());
        var plans = forward.plans(p.token(), s -> s.listPlans(ListPlansRequest.newBuilder()
                .setParent("officers/-").setState(PlanState.PLAN_STATE_SUBMITTED)
                .setPageSize(people.inboxSize()).build()));
        var exceptions = forward.plans(p.token(), s -> s.listDayExceptions(
                ListDayExceptionsRequest.newBuilder().setParent("officers/-")
                        .setState(PlanState.PLAN_STATE_SUBMITTED).setPageSize(people.inboxSize()).build()));
        return TeamInbox.newBuilder().addAllPlans(plans.getPlansList())
                .addAllDayExceptions(exceptions.getDayExceptionsList()).build();
    }

    public Plan approvePlan(Person p, String name) {
        Access.manager(p.caller());
        Plan approved = forward.plans(p.token(),
                s -> s.approvePlan(ApprovePlanRequest.newBuilder().setName(name).build()));
        // The officer's days change from now on: answer reachability from the approved plan at once.
        policy.forgetSchedules(nip(approved.getOfficer()));
        return approved;
    }

    /** The reason is required (policy-service refuses an empty one). */
    public Plan rejectPlan(Person p, String name, RejectPlanRequest body) {
        Access.manager(p.caller());
        RejectPlanRequest req = body.toBuilder().setName(name).build();
        return forward.plans(p.token(), s -> s.rejectPlan(req));
    }

    public DayException approveDayException(Person p, String name) {
        Access.manager(p.caller());
        DayException approved = forward.plans(p.token(), s -> s.approveDayException(
                ApproveDayExceptionRequest.newBuilder().setName(name).build()));
        policy.forgetSchedules(nip(approved.getOfficer()));
        return approved;
    }

    public DayException rejectDayException(Person p, String name, RejectDayExceptionRequest body) {
        Access.manager(p.caller());
        RejectDayExceptionRequest req = body.toBuilder().setName(name).build();
        return forward.plans(p.token(), s -> s.rejectDayException(req));
    }

    /**
     * Every direct report with whether they are checked in now and their ROUTINE reachability. The
     * reports are listed with the manager's own token; their statuses come in one batch call and
     * their answers from the reachability engine, not one call per officer. A member's attendance is
     * left out when attendance-service did not answer, and the board names it in degraded_sources.
     */
    public TeamBoard board(Person p) {
        Caller caller = Access.manager(p.caller());
        List<Officer> reports = reports(p.token(), caller.subject());
        TeamBoard.Builder board = TeamBoard.newBuilder().setAsOf(ReachabilityMapper.timestamp(clock.instant()));
        if (reports.isEmpty()) {
            return board.build();
        }
        return AnswerBudget.run(settings.listBudget(), () -> {
            BatchGetReachabilityResponse answers = reachability.batch(caller, BatchGetReachabilityRequest.newBuilder()
                    .addAllOfficers(reports.stream().map(Officer::getName).toList())
                    .setUrgency(Urgency.URGENCY_ROUTINE).build());
            Map<String, Reachability> byOfficer = new HashMap<>();
            answers.getAnswersList().forEach(a -> byOfficer.put(a.getOfficer(), a));
            Set<String> degraded = new LinkedHashSet<>();
            for (Officer o : reports) {
                Sourced<AttendanceNow> now = attendance.attendance(o.getNip());
                Reachability r = byOfficer.get(o.getName());
                TeamMember.Builder m = TeamMember.newBuilder().setOfficer(o.getName()).setDisplayName(o.getDisplayName());
                if (r != null) {
                    degraded.addAll(r.getDegradedSourcesList());
                    m.setReachability(r);
                }
                if (now.available()) {
                    m.setAttendance(ReachabilityMapper.toProto(now.value()));
                } else {
                    degraded.add(now.unavailableSource());
                }
                board.addMembers(m);
            }
            return board.addAllDegradedSources(degraded).build();
        });
    }

    /**
     * Where each direct report works on each day of the week starting {@code monday}: their effective
     * schedules, read with the manager's own token (policy-service checks each is a direct report).
     * A member whose days policy-service does not give is listed without days.
     */
    public TeamWeek week(Person p, LocalDate monday) {
        Caller caller = Access.manager(p.caller());
        TeamWeek.Builder week = TeamWeek.newBuilder();
        Map<String, Position> positions = new HashMap<>();
        for (Officer o : reports(p.token(), caller.subject())) {
            TeamMemberWeek.Builder m = TeamMemberWeek.newBuilder().setOfficer(o.getName())
                    .setDisplayName(o.getDisplayName());
            try {
                m.addAllDays(forward.schedules(p.token(), s -> s.listEffectiveSchedules(
                        ListEffectiveSchedulesRequest.newBuilder().setOfficer(o.getName())
                                .setStartDate(ReachabilityMapper.date(monday))
                                .setEndDate(ReachabilityMapper.date(monday.plusDays(6))).build())).getSchedulesList());
            } catch (JedaException e) {
                // One member's missing week does not hide the others'.
            }
            if (!o.getPosition().isEmpty()) {
                try {
                    m.setPosition(positions.computeIfAbsent(o.getPosition(), name -> forward.positions(p.token(),
                            s -> s.getPosition(GetPositionRequest.newBuilder().setName(name).build()))));
                } catch (JedaException e) {
                    // The days are worth showing without the rules.
                }
            }
            week.addMembers(m);
        }
        return week.build();
    }

    /**
     * The on-call rosters of the manager's unit (the function's piket) with the turn in force now
     * and the next ones ({@code turns} in all, 1 to 100), read with the manager's own token.
     */
    public TeamOnCall onCall(Person p, int turns) {
        Caller caller = Access.manager(p.caller());
        if (turns < 1 || turns > 100) {
            throw JedaException.invalidField("turns", "turns must be between 1 and 100");
        }
        Sourced<io.jeda.gateway.reachability.OfficerProfile> me = policy.officer(caller.subject());
        if (!me.available()) {
            throw JedaException.of(io.jeda.common.error.ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                    "policy-service did not answer; try again shortly", "source", me.unavailableSource());
        }
        var profile = me.present().orElseThrow(() -> JedaException.notFound("officer", "officers/" + caller.subject()));
        List<Roster> rosters = forward.rosters(p.token(), s -> s.listRosters(ListRostersRequest.newBuilder()
                .setUnit("units/" + profile.unitId()).setPageSize(500).build())).getRostersList();
        TeamOnCall.Builder out = TeamOnCall.newBuilder();
        for (Roster r : rosters) {
            out.addRosters(RosterTurns.newBuilder().setRoster(r).addAllSlots(forward.rosters(p.token(),
                    s -> s.listOnCallSlots(ListOnCallSlotsRequest.newBuilder().setParent(r.getName())
                            .setTime(ReachabilityMapper.timestamp(clock.instant())).setPageSize(turns).build())).getSlotsList()));
        }
        return out.build();
    }

    /** The caller's direct reports, listed by policy-service for the caller's own token. */
    private List<Officer> reports(String token, String managerNip) {
        List<Officer> out = Pages.upTo(settings.maxBatch(), page -> forward.officers(token, s -> s.listOfficers(
                        ListOfficersRequest.newBuilder().setManager(OfficerName.of(managerNip).toString())
                                .setPageSize(settings.maxBatch()).setPageToken(page).build())),
                ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken);
        return out.size() > settings.maxBatch() ? out.subList(0, settings.maxBatch()) : out;
    }

    private static String nip(String officerName) {
        return OfficerName.parse(officerName, "officer").nip();
    }
}
