package io.jeda.gateway.http;

import io.jeda.attendance.v1.ApproveAttendanceCorrectionRequest;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.CorrectionState;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsResponse;
import io.jeda.attendance.v1.RejectAttendanceCorrectionRequest;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.gateway.app.CorrectionRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for attendance corrections ({@link CorrectionRequests}): an officer asks for and lists their
 * own under {@code /v1/me/attendance-corrections}; a manager lists their direct reports' and decides
 * under {@code /v1/team/attendance-corrections}. A path names a correction by its id or by its
 * whole name ({@code attendanceCorrections/{id}}, URL-encoded).
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CorrectionsController {

    private static final String COLLECTION = "attendanceCorrections";

    private final CorrectionRequests corrections;

    public CorrectionsController(CorrectionRequests corrections) {
        this.corrections = corrections;
    }

    @Post("/me/attendance-corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttendanceCorrection create(HttpRequest<?> request, @Body @Nullable String body) {
        return corrections.create(AuthFilter.person(request),
                ProtoJson.read(body, CreateAttendanceCorrectionRequest.newBuilder()));
    }

    @Get("/me/attendance-corrections")
    public ListAttendanceCorrectionsResponse mine(HttpRequest<?> request, @QueryValue @Nullable String state,
                                                  @QueryValue @Nullable Integer pageSize,
                                                  @QueryValue @Nullable String pageToken) {
        return corrections.mine(AuthFilter.person(request), state(state), AdminController.orZero(pageSize),
                AdminController.orEmpty(pageToken));
    }

    @Get("/team/attendance-corrections")
    public ListAttendanceCorrectionsResponse team(HttpRequest<?> request, @QueryValue @Nullable String state,
                                                  @QueryValue @Nullable Integer pageSize,
                                                  @QueryValue @Nullable String pageToken) {
        return corrections.team(AuthFilter.person(request), state(state), AdminController.orZero(pageSize),
                AdminController.orEmpty(pageToken));
    }

    @Post("/team/attendance-corrections/{id}:approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttendanceCorrection approve(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        return corrections.approve(AuthFilter.person(request), TeamController.name(COLLECTION, id),
                ProtoJson.read(body, ApproveAttendanceCorrectionRequest.newBuilder()));
    }

    @Post("/team/attendance-corrections/{id}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttendanceCorrection reject(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body) {
        return corrections.reject(AuthFilter.person(request), TeamController.name(COLLECTION, id),
                ProtoJson.read(body, RejectAttendanceCorrectionRequest.newBuilder()));
    }

    private static CorrectionState state(@Nullable String state) {
        return state == null || state.isBlank() ? CorrectionState.CORRECTION_STATE_UNSPECIFIED
                : ProtoEnums.parse(CorrectionState.class, state, "state");
    }
}
