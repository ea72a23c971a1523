package io.jeda.gateway.http;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.app.Me;
import io.jeda.gateway.app.OfficerRequests;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.gateway.v1.MyOnCall;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * REST for an officer acting for themself ({@link OfficerRequests}): check-in and check-out, their
 * effective schedule, their FWA plans and one-day exceptions, and their attendance days.
 */
@Controller("/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MeController {

    /** The header a client may use instead of (or as well as) the body's idempotency key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OfficerRequests officer;
    private final GatewaySettings settings;
    private final Clock clock;

    public MeController(OfficerRequests officer, GatewaySettings settings, Clock clock) {
        this.officer = officer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Who the caller is: {@code officer}, {@code nip}, {@code displayName}, {@code unit},
     * {@code timeZone} (the unit's) and {@code roles}. Written as a JSON object by the one JSON mapping.
     */
    @Get
    public Struct me(HttpRequest<?> request) {
        Me me = officer.me(AuthFilter.person(request));
        return Struct.newBuilder()
                .putFields("officer", text(me.officer()))
                .putFields("nip", text(me.nip()))
                .putFields("displayName", text(me.displayName()))
                .putFields("unit", text(me.unit()))
                .putFields("timeZone", text(me.timeZone()))
                .putFields("roles", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addAllValues(me.roles().stream().map(MeController::text).toList())).build())
                .build();
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    @Post("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttendanceEvent checkIn(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                                   @Body @Nullable String body) {
        return officer.checkIn(AuthFilter.person(request), key, ProtoJson.read(body, CheckInRequest.newBuilder()));
    }

    @Post("/check-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttendanceEvent checkOut(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                                    @Body @Nullable String body) {
        return officer.checkOut(AuthFilter.person(request), key,
                ProtoJson.read(body, CheckOutRequest.newBuilder()));
    }

    @Get("/schedule")
    public ListEffectiveSchedulesResponse schedule(HttpRequest<?> request, @QueryValue @Nullable String from,
                                                   @QueryValue @Nullable String to) {
        var person = AuthFilter.person(request);
        if (blank(from) && !blank(to)) {
            throw JedaException.invalidField("from", "from is required when to is given");
        }
        return officer.schedule(person, blank(from) ? null : date(from, "from"), blank(to) ? null : date(to, "to"));
    }

    @Get("/plans")
    public ListPlansResponse plans(HttpRequest<?> request, @QueryValue @Nullable String state,
                                   @QueryValue @Nullable Integer pageSize, @QueryValue @Nullable String pageToken) {
        return officer.plans(AuthFilter.person(request), state(state), pageSize == null ? 0 : pageSize,
                pageToken == null ? "" : pageToken);
    }

    /**
     * A DRAFT plan; an {@code Idempotency-Key} header makes a retry return the first plan. With
     * {@code validateOnly=true} nothing is stored and every broken rule comes back at once (AIP-163).
     */
    @Post("/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    public Plan createPlan(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                           @QueryValue @Nullable String validateOnly, @Body @Nullable String body) {
        return officer.createPlan(AuthFilter.person(request), key, ProtoJson.read(body, Plan.newBuilder()),
                flag(validateOnly, "validateOnly"));
    }

    @Get("/plans/{id}")
    public Plan plan(HttpRequest<?> request, @PathVariable String id) {
        return officer.plan(AuthFilter.person(request), TeamController.name("plans", id));
    }

    @Post("/plans/{id}:submit")
    public Plan submitPlan(HttpRequest<?> request, @PathVariable String id) {
        return officer.submitPlan(AuthFilter.person(request), TeamController.name("plans", id));
    }

    @Get("/day-exceptions")
    public ListDayExceptionsResponse dayExceptions(HttpRequest<?> request, @QueryValue @Nullable String state,
                                                   @QueryValue @Nullable Integer pageSize,
                                                   @QueryValue @Nullable String pageToken) {
        return officer.dayExceptions(AuthFilter.person(request), state(state), pageSize == null ? 0 : pageSize,
                pageToken == null ? "" : pageToken);
    }

    @Post("/day-exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public DayException createDayException(HttpRequest<?> request, @QueryValue @Nullable String validateOnly,
                                           @Body @Nullable String body) {
        return officer.createDayException(AuthFilter.person(request),
                ProtoJson.read(body, DayException.newBuilder()), flag(validateOnly, "validateOnly"));
    }

    /** The officer's coming on-call turns, as primary or backup, on the rosters of their unit. */
    @Get("/on-call")
    public MyOnCall onCall(HttpRequest<?> request) {
        return officer.onCall(AuthFilter.person(request));
    }

    /** The officer's days of one month ({@code month=2026-11}; default the current month). */
    @Get("/attendance")
    public AttendanceMonth attendanceMonth(HttpRequest<?> request, @QueryValue @Nullable String month) {
        var person = AuthFilter.person(request);
        YearMonth m;
        try {
            m = blank(month) ? YearMonth.now(clock.withZone(settings.defaultZone())) : YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw JedaException.invalidField("month", "month must be YYYY-MM, for example 2026-11");
        }
        return officer.attendanceMonth(person, m);
    }

    /** One local date ({@code 2026-11-25}) with its check-ins and check-outs. */
    @Get("/attendance/{date}")
    public AttendanceDay attendanceDay(HttpRequest<?> request, @PathVariable String date) {
        var person = AuthFilter.person(request);
        return officer.attendanceDay(person, date(date, "date"));
    }

    /** A state filter with or without its prefix (SUBMITTED or PLAN_STATE_SUBMITTED); unspecified without one. */
    private static PlanState state(@Nullable String state) {
        return blank(state) ? PlanState.PLAN_STATE_UNSPECIFIED : ProtoEnums.parse(PlanState.class, state, "state");
    }

    /** A boolean query value: true or false (any case); absent or empty is false. */
    static boolean flag(@Nullable String value, String field) {
        if (blank(value)) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw JedaException.invalidField(field, field + " must be true or false");
        };
    }

    static LocalDate date(String value, String field) {
        return io.jeda.common.time.DateRange.current().parse(value, field);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
