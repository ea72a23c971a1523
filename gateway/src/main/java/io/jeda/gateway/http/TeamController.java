package io.jeda.gateway.http;

import io.jeda.gateway.app.TeamRequests;
import io.jeda.gateway.v1.TeamBoard;
import io.jeda.gateway.v1.TeamInbox;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for a manager acting for their direct reports ({@link TeamRequests}): the inbox, the decisions
 * on plans and one-day exceptions, and the team board. A path names a request by its id or by its whole
 * name as the inbox gives it: {@code plans/p-1} is decided at {@code /v1/team/plans/p-1:approve} or at
 * {@code /v1/team/plans/plans%2Fp-1:approve} (the name as one URL-encoded path segment).
 */
@Controller("/v1/team")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamController {

    private final TeamRequests team;

    public TeamController(TeamRequests team) {
        this.team = team;
    }

    @Get("/inbox")
    public TeamInbox inbox(HttpRequest<?> request) {
        return team.inbox(AuthFilter.person(request));
    }

    @Post("/plans/{id}:approve")
    public Plan approvePlan(HttpRequest<?> request, @PathVariable String id) {
        return team.approvePlan(AuthFilter.person(request), name("plans", id));
    }

    @Post("/plans/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan rejectPlan(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        return team.rejectPlan(AuthFilter.person(request), name("plans", id),
                ProtoJson.read(body, RejectPlanRequest.newBuilder()));
    }

    @Post("/day-exceptions/{id}:approve")
    public DayException approveDayException(HttpRequest<?> request, @PathVariable String id) {
        return team.approveDayException(AuthFilter.person(request), name("dayExceptions", id));
    }

    @Post("/day-exceptions/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DayException rejectDayException(HttpRequest<?> request, @PathVariable String id,
                                           @Body @Nullable String body) {
        return team.rejectDayException(AuthFilter.person(request), name("dayExceptions", id),
                ProtoJson.read(body, RejectDayExceptionRequest.newBuilder()));
    }

    @Get("/board")
    public TeamBoard board(HttpRequest<?> request) {
        return team.board(AuthFilter.person(request));
    }

    /**
     * The resource name for a path segment that holds either the bare id ({@code p-1}) or the whole name
     * ({@code plans/p-1}, sent URL-encoded and decoded by the router).
     */
    static String name(String collection, String idOrName) {
        String prefix = collection + "/";
        return idOrName.startsWith(prefix) ? idOrName : prefix + idOrName;
    }
}
