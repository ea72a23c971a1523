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
public class ReachabilityController {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private final ReachabilityApi api;

    public ReachabilityController(ReachabilityApi api) {
        this.api = api;
    }

    @Get("/officers/{nip}/reachability")
    public HttpResponse<String> officer(HttpRequest<?> request, @PathVariable String nip,
                                        @QueryValue @Nullable String urgency, @QueryValue @Nullable String at) {
        GetReachabilityRequest.Builder b = GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + nip).setUrgency(urgency(urgency));
        if (at != null && !at.isBlank()) {
            b.setTime(ReachabilityMapper.timestamp(instant(at)));
        }
        return json(api.get(AuthFilter.caller(request), b.build()));
    }

    @Post("/reachability:batchGet")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> batch(HttpRequest<?> request, @Body String body) {
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
    public HttpResponse<String> unit(HttpRequest<?> request, @PathVariable String unit,
                                     @QueryValue @Nullable String urgency,
                                     @QueryValue @Nullable Boolean includeSubUnits,
                                     @QueryValue @Nullable Boolean reachableOnly,
                                     @QueryValue @Nullable Integer pageSize,
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
    public HttpResponse<String> myInquiries(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
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
