package io.jeda.gateway.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.grpc.ReachabilityApi;
import io.jeda.gateway.grpc.ReachabilityMapper;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListInquiriesRequest;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.Urgency;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * REST/JSON for the reachability API. Each route builds the same request message a gRPC client
 * would send and calls the same {@link ReachabilityApi}; the response is that message printed with
 * protobuf's JSON mapping (lowerCamelCase fields, enum names, RFC 3339 timestamps), so REST and
 * gRPC answers carry the same fields and values.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reachability", description = "May an officer be contacted now, for a given urgency?")
@ProblemResponses
public class ReachabilityController {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private final ReachabilityApi api;

    public ReachabilityController(ReachabilityApi api) {
        this.api = api;
    }

    @Get("/officers/{nip}/reachability")
    @Operation(summary = "Reachability of one officer",
            description = "Whether the officer may be contacted at the instant for the urgency, and if not when, "
                    + "by when a fair answer is due, and whom to contact instead. Audited.")
    @ApiResponse(responseCode = "200", description = "A jeda.gateway.v1.Reachability in protobuf JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "No such officer (OFFICER_NOT_FOUND)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<String> officer(HttpRequest<?> request,
                                        @Parameter(description = "The officer's NIP: 18 digits", example = "198001012000011001")
                                        @PathVariable String nip,
                                        @Parameter(in = ParameterIn.QUERY, required = true,
                                                description = "ROUTINE, URGENT or EMERGENCY (URGENCY_ prefix optional)",
                                                schema = @Schema(allowableValues = {"ROUTINE", "URGENT", "EMERGENCY"}))
                                        @QueryValue @Nullable String urgency,
                                        @Parameter(description = "The instant asked about, RFC 3339 (default now); "
                                                + "at most the configured offset from now", example = "2026-11-28T02:00:00Z")
                                        @QueryValue @Nullable String at) {
        GetReachabilityRequest.Builder b = GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + nip).setUrgency(urgency(urgency));
        if (at != null && !at.isBlank()) {
            b.setTime(ReachabilityMapper.timestamp(instant(at)));
        }
        return json(api.get(AuthFilter.caller(request), b.build()));
    }

    @Post("/reachability:batchGet")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reachability of many officers",
            description = "Answers for up to the configured maximum of officers (default 500) in one call; "
                    + "officers that do not exist are listed in notFound. Audited.")
    @ApiResponse(responseCode = "200", description = "A jeda.gateway.v1.BatchGetReachabilityResponse in protobuf JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    public HttpResponse<String> batch(HttpRequest<?> request,
                                      @RequestBody(required = true, description = "A jeda.gateway.v1."
                                              + "BatchGetReachabilityRequest in protobuf JSON: "
                                              + "{\"officers\": [\"officers/<nip>\"], \"urgency\": \"URGENT\", \"time\": ...}",
                                              content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                      schema = @Schema(type = "object")))
                                      @Body String body) {
        BatchGetReachabilityRequest.Builder b = BatchGetReachabilityRequest.newBuilder();
        try {
            PARSER.merge(body, b);
        } catch (InvalidProtocolBufferException e) {
            throw JedaException.invalidArgument("INVALID_JSON",
                    "the body is not a BatchGetReachabilityRequest in JSON: " + e.getMessage(), "field", "body");
        }
        return json(api.batch(AuthFilter.caller(request), b.build()));
    }

    @Get("/units/{unit}/reachability")
    @Operation(summary = "Reachability of a unit's officers",
            description = "One page of answers for the officers of a unit (and its sub-units on request), "
                    + "sorted by NIP. Audited.")
    @ApiResponse(responseCode = "200", description = "A jeda.gateway.v1.ListUnitReachabilityResponse in protobuf JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "No such unit (UNIT_NOT_FOUND)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<String> unit(HttpRequest<?> request,
                                     @Parameter(description = "The unit's id") @PathVariable String unit,
                                     @Parameter(in = ParameterIn.QUERY, required = true,
                                             description = "ROUTINE, URGENT or EMERGENCY (URGENCY_ prefix optional)",
                                             schema = @Schema(allowableValues = {"ROUTINE", "URGENT", "EMERGENCY"}))
                                     @QueryValue @Nullable String urgency,
                                     @Parameter(description = "Also answer for the officers of sub-units (default false)")
                                     @QueryValue @Nullable Boolean includeSubUnits,
                                     @Parameter(description = "Only officers reachable now for the urgency (default false)")
                                     @QueryValue @Nullable Boolean reachableOnly,
                                     @Parameter(description = "Answers per page: default 50, at most 500")
                                     @QueryValue @Nullable Integer pageSize,
                                     @Parameter(description = "nextPageToken of the previous page; empty for the first")
                                     @QueryValue @Nullable String pageToken) {
        ListUnitReachabilityRequest req = ListUnitReachabilityRequest.newBuilder()
                .setUnit("units/" + unit)
                .setUrgency(urgency(urgency))
                .setIncludeSubUnits(Boolean.TRUE.equals(includeSubUnits))
                .setReachableOnly(Boolean.TRUE.equals(reachableOnly))
                .setPageSize(pageSize == null ? 0 : pageSize)
                .setPageToken(pageToken == null ? "" : pageToken)
                .build();
        return json(api.unit(AuthFilter.caller(request), req));
    }

    /** "Who asked about me": the caller's own inquiries (the subject is their NIP). */
    @Get("/me/inquiries")
    @Operation(summary = "Who asked about me",
            description = "The reachability questions other callers asked about the calling officer (by NIP).")
    @ApiResponse(responseCode = "200", description = "A jeda.gateway.v1.ListInquiriesResponse in protobuf JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    public HttpResponse<String> myInquiries(HttpRequest<?> request,
                                            @Parameter(description = "Inquiries per page: default 50, at most 500")
                                            @QueryValue @Nullable Integer pageSize,
                                            @Parameter(description = "nextPageToken of the previous page; empty for the first")
                                            @QueryValue @Nullable String pageToken) {
        var caller = AuthFilter.caller(request);
        ListInquiriesRequest req = ListInquiriesRequest.newBuilder()
                .setParent("officers/" + caller.subject())
                .setPageSize(pageSize == null ? 0 : pageSize)
                .setPageToken(pageToken == null ? "" : pageToken)
                .build();
        return json(api.inquiries(caller, req));
    }

    /** ROUTINE or URGENCY_ROUTINE (either spelling); missing means unspecified, which the API rejects. */
    static Urgency urgency(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Urgency.URGENCY_UNSPECIFIED;
        }
        String v = value.trim().toUpperCase();
        try {
            Urgency u = Urgency.valueOf(v.startsWith("URGENCY_") ? v : "URGENCY_" + v);
            if (u != Urgency.URGENCY_UNSPECIFIED) {
                return u;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the error below
        }
        throw JedaException.invalidArgument("INVALID_URGENCY", "urgency must be ROUTINE, URGENT or EMERGENCY",
                "field", "urgency");
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw JedaException.invalidArgument("INVALID_TIME", "at must be an RFC 3339 instant such as "
                    + "2026-11-28T14:00:00Z", "field", "at");
        }
    }

    private static HttpResponse<String> json(Message m) {
        try {
            return HttpResponse.ok(PRINTER.print(m)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName(), e);
        }
    }
}
