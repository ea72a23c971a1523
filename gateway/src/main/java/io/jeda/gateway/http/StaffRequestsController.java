package io.jeda.gateway.http;

import io.jeda.common.grpc.ProtoEnums;
import io.jeda.gateway.app.StaffRequests;
import io.jeda.policy.v1.DeclineStaffRequestRequest;
import io.jeda.policy.v1.ListStaffRequestsResponse;
import io.jeda.policy.v1.RejectStaffRequestRequest;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for leave, travel and on-call swap requests ({@link StaffRequests}): the officer's under
 * {@code /v1/me/requests}, the manager's under {@code /v1/team/requests}. A path names a request by its
 * id or by its whole name ({@code staffRequests/{id}}, URL-encoded as one segment).
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffRequestsController {

    private static final String COLLECTION = "staffRequests";

    private final StaffRequests requests;
    private final java.time.Clock clock;

    public StaffRequestsController(StaffRequests requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** The coming turns of a roster ({@code turns}, default 28), to choose a swap from. */
    @Get("/me/roster-turns")
    public io.jeda.policy.v1.ListOnCallSlotsResponse turns(HttpRequest<?> request, @QueryValue String roster,
                                                           @QueryValue @Nullable Integer turns) {
        String name = roster.startsWith("rosters/") ? roster : "rosters/" + roster;
        return requests.turns(AuthFilter.person(request), name, turns == null ? 28 : turns, clock.instant());
    }

    /** A request of the caller; an {@code Idempotency-Key} header makes a retry return the first request. */
    @Post("/me/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffRequest create(HttpRequest<?> request, @Header(MeController.IDEMPOTENCY_KEY) @Nullable String key,
                               @Body @Nullable String body) {
        return requests.create(AuthFilter.person(request), key, ProtoJson.read(body, StaffRequest.newBuilder()));
    }

    @Get("/me/requests")
    public ListStaffRequestsResponse mine(HttpRequest<?> request, @QueryValue @Nullable String state,
                                          @QueryValue @Nullable Integer pageSize,
                                          @QueryValue @Nullable String pageToken) {
        return requests.mine(AuthFilter.person(request), state(state), pageSize == null ? 0 : pageSize,
                pageToken == null ? "" : pageToken);
    }

    @Post("/me/requests/{id}:cancel")
    public StaffRequest cancel(HttpRequest<?> request, @PathVariable String id) {
        return requests.cancel(AuthFilter.person(request), TeamController.name(COLLECTION, id));
    }

    @Post("/me/requests/{id}:accept")
    public StaffRequest accept(HttpRequest<?> request, @PathVariable String id) {
        return requests.accept(AuthFilter.person(request), TeamController.name(COLLECTION, id));
    }

    @Post("/me/requests/{id}:decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffRequest decline(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        return requests.decline(AuthFilter.person(request), TeamController.name(COLLECTION, id),
                ProtoJson.read(body, DeclineStaffRequestRequest.newBuilder()));
    }

    /** The requests of the caller's direct reports; {@code state} defaults to AWAITING_MANAGER, {@code ALL} for every state. */
    @Get("/team/requests")
    public ListStaffRequestsResponse team(HttpRequest<?> request, @QueryValue @Nullable String state,
                                          @QueryValue @Nullable Integer pageSize,
                                          @QueryValue @Nullable String pageToken) {
        StaffRequestState s = state == null || state.isBlank() ? StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER
                : "ALL".equalsIgnoreCase(state.trim()) ? StaffRequestState.STAFF_REQUEST_STATE_UNSPECIFIED : state(state);
        return requests.team(AuthFilter.person(request), s, pageSize == null ? 0 : pageSize,
                pageToken == null ? "" : pageToken);
    }

    @Post("/team/requests/{id}:approve")
    public StaffRequest approve(HttpRequest<?> request, @PathVariable String id) {
        return requests.approve(AuthFilter.person(request), TeamController.name(COLLECTION, id));
    }

    @Post("/team/requests/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffRequest reject(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        return requests.reject(AuthFilter.person(request), TeamController.name(COLLECTION, id),
                ProtoJson.read(body, RejectStaffRequestRequest.newBuilder()));
    }

    private static StaffRequestState state(@Nullable String state) {
        return state == null || state.isBlank() ? StaffRequestState.STAFF_REQUEST_STATE_UNSPECIFIED
                : ProtoEnums.parse(StaffRequestState.class, state, "state");
    }
}
