package io.jeda.gateway.http;

import io.jeda.gateway.app.TeamRequests;
import io.jeda.gateway.v1.TeamBoard;
import io.jeda.gateway.v1.TeamInbox;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.TeamMember;
import io.jeda.gateway.v1.TeamOnCall;
import io.jeda.gateway.v1.TeamWeek;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;

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
    private final GatewaySettings settings;
    private final Clock clock;

    public TeamController(TeamRequests team, GatewaySettings settings, Clock clock) {
        this.team = team;
        this.settings = settings;
        this.clock = clock;
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

    /**
     * The board, with an ETag of what it says (everything but its asOf): a client polling with
     * If-None-Match gets 304 and no body while nothing changed.
     */
    @Get("/board")
    public HttpResponse<TeamBoard> board(HttpRequest<?> request) {
        TeamBoard board = team.board(AuthFilter.person(request));
        String etag = boardTag(board);
        String presented = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (presented != null && java.util.Arrays.stream(presented.split(","))
                .map(String::trim).anyMatch(e -> e.equals(etag) || e.equals("W/" + etag))) {
            return HttpResponse.<TeamBoard>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
        return HttpResponse.ok(board).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** Each direct report's days of one week ({@code from}: its Monday, or any day of it; default this week). */
    @Get("/week")
    public TeamWeek week(HttpRequest<?> request, @QueryValue @Nullable String from) {
        var person = AuthFilter.person(request);
        LocalDate day;
        try {
            day = from == null || from.isBlank() ? LocalDate.now(clock.withZone(settings.defaultZone()))
                    : LocalDate.parse(from.trim());
        } catch (DateTimeParseException e) {
            throw JedaException.invalidField("from", "from must be a date, YYYY-MM-DD");
        }
        return team.week(person, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The on-call rosters of the manager's unit, each with its next {@code turns} turns (default 14). */
    @Get("/on-call")
    public TeamOnCall onCall(HttpRequest<?> request, @QueryValue @Nullable Integer turns) {
        return team.onCall(AuthFilter.person(request), turns == null ? 14 : turns);
    }

    /**
     * The board's ETag: of what it says, not of when it was made. The board's and each answer's
     * asOf and computedAt are left out (they are "now" on every request); everything else counts.
     */
    static String boardTag(TeamBoard board) {
        TeamBoard.Builder b = board.toBuilder().clearAsOf();
        for (int i = 0; i < b.getMembersCount(); i++) {
            TeamMember.Builder m = b.getMembersBuilder(i);
            if (m.hasReachability()) {
                m.setReachability(timeless(m.getReachability()));
            }
        }
        return etag(b.build().toByteArray());
    }

    private static Reachability timeless(Reachability r) {
        Reachability.Builder b = r.toBuilder().clearAsOf().clearComputedAt();
        if (r.hasContactInstead()) {
            b.setContactInstead(timeless(r.getContactInstead()));
        }
        return b.build();
    }

    static String etag(byte[] content) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(h, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
