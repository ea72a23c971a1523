package io.jeda.gateway.http;

import io.jeda.common.names.OfficerName;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.gateway.app.ReachabilityApi;
import io.jeda.gateway.app.ReachabilityMapper;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.Urgency;
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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * REST/JSON for the reachability API. Each route builds the same request message a gRPC client
 * would send and calls the same {@link ReachabilityApi}; the answer is that message in the API's one
 * JSON mapping ({@link ProtoJson}), so REST and gRPC answers carry the same fields and values.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReachabilityController {

    /** An RFC 3339 offset whose '+' arrived as a space: the client did not encode it. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile(".*T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)? \\d{2}:\\d{2}");

    private final ReachabilityApi api;

    public ReachabilityController(ReachabilityApi api) {
        this.api = api;
    }

    @Get("/officers/{nip}/reachability")
    public Reachability officer(HttpRequest<?> request, @PathVariable String nip, @QueryValue @Nullable String urgency,
                                @QueryValue @Nullable String at) {
        GetReachabilityRequest.Builder b = GetReachabilityRequest.newBuilder()
                .setOfficer(OfficerName.of(nip).toString()).setUrgency(urgency(urgency));
        if (at != null && !at.isBlank()) {
            b.setTime(ReachabilityMapper.timestamp(instant(at)));
        }
        return api.get(AuthFilter.caller(request), b.build());
    }

    @Post("/reachability:batchGet")
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchGetReachabilityResponse batch(HttpRequest<?> request, @Body @Nullable String json) {
        // Officers as in paths: a bare NIP is the officer of that NIP, as is officers/{nip}.
        BatchGetReachabilityRequest body = ProtoJson.read(json, BatchGetReachabilityRequest.newBuilder());
        BatchGetReachabilityRequest.Builder b = body.toBuilder().clearOfficers();
        body.getOfficersList().forEach(o -> b.addOfficers(o.startsWith("officers/") ? o : "officers/" + o));
        return api.batch(AuthFilter.caller(request), b.build());
    }

    @Get("/units/{unit}/reachability")
    public ListUnitReachabilityResponse unit(HttpRequest<?> request, @PathVariable String unit,
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
        return api.unit(AuthFilter.caller(request), req);
    }

    /** "Who asked about me": the caller's own inquiries (the subject is their NIP). */
    @Get("/me/inquiries")
    public ListInquiriesResponse myInquiries(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
                                             @QueryValue @Nullable String pageToken) {
        return api.myInquiries(AuthFilter.caller(request), pageSize == null ? 0 : pageSize,
                pageToken == null ? "" : pageToken);
    }

    /** ROUTINE or URGENCY_ROUTINE (any case); missing means unspecified, which the use case refuses. */
    static Urgency urgency(@Nullable String value) {
        return value == null || value.isBlank() ? Urgency.URGENCY_UNSPECIFIED
                : ProtoEnums.parse(Urgency.class, value, "urgency");
    }

    /** An RFC 3339 instant, with Z or an offset. */
    static Instant instant(String at) {
        String v = at.trim();
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            if (SPACE_FOR_PLUS.matcher(at).matches()) {
                throw JedaException.invalidArgument("INVALID_TIME", "at has a space before its offset: a '+' in a "
                        + "URL query must be encoded as %2B (at=" + at.replace(' ', '+').replace("+", "%2B")
                        + "), or give the instant in UTC with Z", "field", "at");
            }
            throw JedaException.invalidArgument("INVALID_TIME", "at must be an RFC 3339 instant such as "
                    + "2026-11-28T14:00:00Z or 2026-11-28T21:00:00%2B07:00", "field", "at");
        }
        return io.jeda.common.time.DateRange.current().check(parsed, "at");
    }
}
