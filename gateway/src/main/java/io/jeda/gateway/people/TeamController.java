package io.jeda.gateway.people;

import com.google.protobuf.Timestamp;
import io.jeda.common.security.Caller;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.client.AnswerBudget;
import io.jeda.gateway.client.AttendanceSource;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.grpc.ReachabilityApi;
import io.jeda.gateway.http.AuthFilter;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.Urgency;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * REST for a manager acting for their direct reports: the inbox of submitted plans and one-day
 * exceptions, the decisions on them, and the team board (today's attendance and ROUTINE
 * reachability of every direct report in one answer). Decisions and lists are forwarded with the
 * manager's own token, so policy-service checks that the officer reports to the caller.
 */
@Controller("/v1/team")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamController {

    private final Forwarder forward;
    private final PeopleSettings people;
    private final GatewaySettings settings;
    private final ReachabilityApi reachability;
    private final AttendanceSource attendance;
    private final Clock clock;
    private final PolicyClient policy;

    public TeamController(Forwarder forward, PeopleSettings people, GatewaySettings settings,
                          ReachabilityApi reachability, AttendanceSource attendance, Clock clock,
                          PolicyClient policy) {
        this.policy = policy;
        this.forward = forward;
        this.people = people;
        this.settings = settings;
        this.reachability = reachability;
        this.attendance = attendance;
        this.clock = clock;
    }

    private static String nipOf(String officerName) {
        return officerName.startsWith("officers/") ? officerName.substring("officers/".length()) : officerName;
    }

    /** {@code {"plans": [...], "dayExceptions": [...]}}: what waits for the caller's decision. */
    @Get("/inbox")
    public HttpResponse<String> inbox(HttpRequest<?> request) {
        PeopleAccess.manager(request);
        String token = AuthFilter.token(request);
        ListPlansResponse plans = forward.plans(token, s -> s.listPlans(ListPlansRequest.newBuilder()
                .setParent("officers/-").setState(PlanState.PLAN_STATE_SUBMITTED)
                .setPageSize(people.inboxSize()).build()));
        ListDayExceptionsResponse exceptions = forward.plans(token, s -> s.listDayExceptions(
                ListDayExceptionsRequest.newBuilder().setParent("officers/-")
                        .setState(PlanState.PLAN_STATE_SUBMITTED).setPageSize(people.inboxSize()).build()));
        StringJoiner p = new StringJoiner(",", "[", "]");
        plans.getPlansList().forEach(x -> p.add(PeopleJson.printCompact(x)));
        StringJoiner e = new StringJoiner(",", "[", "]");
        exceptions.getDayExceptionsList().forEach(x -> e.add(PeopleJson.printCompact(x)));
        return PeopleJson.okJson("{\"plans\":" + p + ",\"dayExceptions\":" + e + "}");
    }

    @Post("/plans/{id}:approve")
    public HttpResponse<String> approvePlan(HttpRequest<?> request, @PathVariable String id) {
        PeopleAccess.manager(request);
        Plan approved = forward.plans(AuthFilter.token(request),
                s -> s.approvePlan(ApprovePlanRequest.newBuilder().setName("plans/" + id).build()));
        // The officer's days change from now on: answer reachability from the approved plan at once.
        policy.forgetSchedules(nipOf(approved.getOfficer()));
        return PeopleJson.ok(approved);
    }

    /** Body: {@code {"reason": "..."}}; the reason is required. */
    @Post("/plans/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> rejectPlan(HttpRequest<?> request, @PathVariable String id,
                                           @Body @Nullable String body) {
        PeopleAccess.manager(request);
        RejectPlanRequest req = PeopleJson.parse(body, RejectPlanRequest.newBuilder(), "rejection")
                .setName("plans/" + id).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.rejectPlan(req)));
    }

    @Post("/day-exceptions/{id}:approve")
    public HttpResponse<String> approveDayException(HttpRequest<?> request, @PathVariable String id) {
        PeopleAccess.manager(request);
        DayException approved = forward.plans(AuthFilter.token(request), s -> s.approveDayException(
                ApproveDayExceptionRequest.newBuilder().setName("dayExceptions/" + id).build()));
        policy.forgetSchedules(nipOf(approved.getOfficer()));
        return PeopleJson.ok(approved);
    }

    /** Body: {@code {"reason": "..."}}; the reason is required. */
    @Post("/day-exceptions/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> rejectDayException(HttpRequest<?> request, @PathVariable String id,
                                                   @Body @Nullable String body) {
        PeopleAccess.manager(request);
        RejectDayExceptionRequest req = PeopleJson.parse(body, RejectDayExceptionRequest.newBuilder(), "rejection")
                .setName("dayExceptions/" + id).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.rejectDayException(req)));
    }

    /**
     * Every direct report with whether they are checked in now (mode, since) and their ROUTINE
     * reachability: {@code {"asOf": ..., "members": [{"officer", "displayName", "attendance":
     * {"checkedIn", "mode", "since"}, "reachability": {...}}], "degradedSources": [...]}}. The
     * reports are listed with the manager's own token; their statuses come in one batch call and
     * their answers from the reachability engine, not one call per officer. {@code attendance} is
     * null when attendance-service did not answer.
     */
    @Get("/board")
    public HttpResponse<String> board(HttpRequest<?> request) {
        Caller caller = PeopleAccess.manager(request);
        List<Officer> reports = reports(AuthFilter.token(request), caller.subject());
        Instant asOf = clock.instant();
        if (reports.isEmpty()) {
            return PeopleJson.okJson("{\"asOf\":" + PeopleJson.printCompact(ts(asOf)) + ",\"members\":[]}");
        }
        return AnswerBudget.run(settings.listBudget(), () -> {
            BatchGetReachabilityResponse answers = reachability.batch(caller, BatchGetReachabilityRequest.newBuilder()
                    .addAllOfficers(reports.stream().map(Officer::getName).toList())
                    .setUrgency(Urgency.URGENCY_ROUTINE).build());
            Map<String, Reachability> byOfficer = new HashMap<>();
            answers.getAnswersList().forEach(a -> byOfficer.put(a.getOfficer(), a));
            Set<String> degraded = new LinkedHashSet<>();
            StringJoiner members = new StringJoiner(",", "[", "]");
            for (Officer o : reports) {
                Sourced<AttendanceNow> now = attendance.attendance(o.getNip());
                Reachability r = byOfficer.get(o.getName());
                if (r != null) {
                    degraded.addAll(r.getDegradedSourcesList());
                }
                if (!now.available()) {
                    degraded.add(now.unavailableSource());
                }
                members.add("{\"officer\":" + PeopleJson.quote(o.getName())
                        + ",\"displayName\":" + PeopleJson.quote(o.getDisplayName())
                        + ",\"attendance\":" + (now.available() ? attendanceJson(now.value()) : "null")
                        + ",\"reachability\":" + (r == null ? "null" : PeopleJson.printCompact(r)) + "}");
            }
            StringJoiner d = new StringJoiner(",", "[", "]");
            degraded.forEach(s -> d.add(PeopleJson.quote(s)));
            return PeopleJson.okJson("{\"asOf\":" + PeopleJson.printCompact(ts(asOf)) + ",\"members\":" + members
                    + ",\"degradedSources\":" + d + "}");
        });
    }

    /** The caller's direct reports, listed by policy-service for the caller's own token. */
    private List<Officer> reports(String token, String managerNip) {
        List<Officer> out = new ArrayList<>();
        String page = "";
        do {
            String p = page;
            ListOfficersResponse r = forward.officers(token, s -> s.listOfficers(ListOfficersRequest.newBuilder()
                    .setManager("officers/" + managerNip).setPageSize(settings.maxBatch()).setPageToken(p).build()));
            out.addAll(r.getOfficersList());
            page = r.getNextPageToken();
        } while (!page.isEmpty() && out.size() < settings.maxBatch());
        return out.size() > settings.maxBatch() ? out.subList(0, settings.maxBatch()) : out;
    }

    private static String attendanceJson(@Nullable AttendanceNow now) {
        if (now == null || !now.checkedIn()) {
            return "{\"checkedIn\":false}";
        }
        StringBuilder b = new StringBuilder("{\"checkedIn\":true");
        if (now.mode() != null) {
            b.append(",\"mode\":").append(PeopleJson.quote("ATTENDANCE_MODE_" + now.mode().name()));
        }
        if (now.since() != null) {
            b.append(",\"since\":").append(PeopleJson.printCompact(ts(now.since())));
        }
        return b.append('}').toString();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
