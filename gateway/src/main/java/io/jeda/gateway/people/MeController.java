package io.jeda.gateway.people;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.http.AuthFilter;
import io.jeda.gateway.http.ProblemResponses;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * REST for an officer acting for themself: check-in and check-out, their effective schedule, their
 * FWA plans and one-day exceptions, and their attendance days. The officer is always the token's
 * subject; every call is forwarded with the officer's own token to the service that owns the data,
 * which checks the caller again.
 */
@Controller("/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Officer",
        description = "An officer acting for themself: check-ins, schedule, plans, day exceptions, attendance")
@ProblemResponses
public class MeController {

    /** The header a client may use instead of (or as well as) the body's idempotency key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Forwarder forward;
    private final GatewaySettings settings;
    private final Clock clock;

    public MeController(Forwarder forward, GatewaySettings settings, Clock clock) {
        this.forward = forward;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Body: {@code {"mode": "OFFICE", "deviceTime": "2026-11-26T00:05:00Z", "position": {"latitude":
     * -2.7, "longitude": 107.6, "accuracyMeters": 12}, "deviceId": "...", "idempotencyKey": "..."}}.
     * A retry with the same key returns the first answer.
     */
    @Post("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> checkIn(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                                        @Body @Nullable String body) {
        Caller caller = PeopleAccess.person(request);
        CheckInRequest.Builder b = PeopleJson.parse(body, CheckInRequest.newBuilder(), "check-in");
        b.setOfficer(officer(caller)).setIdempotencyKey(idempotencyKey(key, b.getIdempotencyKey()));
        return PeopleJson.ok(forward.attendance(AuthFilter.token(request), s -> s.checkIn(b.build())));
    }

    /** The same body as a check-in. */
    @Post("/check-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> checkOut(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                                         @Body @Nullable String body) {
        Caller caller = PeopleAccess.person(request);
        CheckOutRequest.Builder b = PeopleJson.parse(body, CheckOutRequest.newBuilder(), "check-out");
        b.setOfficer(officer(caller)).setIdempotencyKey(idempotencyKey(key, b.getIdempotencyKey()));
        return PeopleJson.ok(forward.attendance(AuthFilter.token(request), s -> s.checkOut(b.build())));
    }

    /**
     * The effective schedule from {@code from} to {@code to} (local dates, inclusive, at most 31
     * days); {@code to} defaults to {@code from}, and without either it is today in the officer's zone.
     */
    @Get("/schedule")
    public HttpResponse<String> schedule(HttpRequest<?> request, @QueryValue @Nullable String from,
                                         @QueryValue @Nullable String to) {
        Caller caller = PeopleAccess.person(request);
        String token = AuthFilter.token(request);
        if (blank(from)) {
            if (!blank(to)) {
                throw JedaException.invalidField("from", "from is required when to is given");
            }
            var today = forward.schedules(token, s -> s.getEffectiveSchedule(
                    GetEffectiveScheduleRequest.newBuilder().setOfficer(officer(caller)).build()));
            return PeopleJson.ok(ListEffectiveSchedulesResponse.newBuilder().addSchedules(today).build());
        }
        LocalDate start = date(from, "from");
        LocalDate end = blank(to) ? start : date(to, "to");
        return PeopleJson.ok(forward.schedules(token, s -> s.listEffectiveSchedules(
                ListEffectiveSchedulesRequest.newBuilder().setOfficer(officer(caller))
                        .setStartDate(date(start)).setEndDate(date(end)).build())));
    }

    /** The state filter of a list: unspecified (every state) when none is given. */
    private static int stateFilter(@Nullable String state) {
        return blank(state) ? 0 : enumValue(PlanState.getDescriptor(), state, "state").getNumber();
    }

    @Get("/plans")
    public HttpResponse<String> plans(HttpRequest<?> request, @QueryValue @Nullable String state,
                                      @QueryValue @Nullable Integer pageSize, @QueryValue @Nullable String pageToken) {
        Caller caller = PeopleAccess.person(request);
        ListPlansRequest req = ListPlansRequest.newBuilder().setParent(officer(caller))
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(pageToken == null ? "" : pageToken)
                .setStateValue(stateFilter(state)).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.listPlans(req)));
    }

    /**
     * Creates a DRAFT plan. Body: a Plan, for example {@code {"startDate": {"year": 2026, "month": 12,
     * "day": 1}, "endDate": {...}, "days": [{"dayOfWeek": "MONDAY", "place": "HOME"}], "note": "..."}}.
     * An {@code Idempotency-Key} header makes a retry return the first plan.
     */
    @Post("/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> createPlan(HttpRequest<?> request, @Header(IDEMPOTENCY_KEY) @Nullable String key,
                                           @Body @Nullable String body) {
        Caller caller = PeopleAccess.person(request);
        Plan.Builder plan = PeopleJson.parse(body, Plan.newBuilder(), "Plan");
        CreatePlanRequest req = CreatePlanRequest.newBuilder().setParent(officer(caller))
                .setPlan(plan.setOfficer(officer(caller))).setRequestId(key == null ? "" : key.trim()).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.createPlan(req)));
    }

    @Get("/plans/{id}")
    public HttpResponse<String> plan(HttpRequest<?> request, @PathVariable String id) {
        PeopleAccess.person(request);
        return PeopleJson.ok(forward.plans(AuthFilter.token(request),
                s -> s.getPlan(GetPlanRequest.newBuilder().setName("plans/" + id).build())));
    }

    /** DRAFT to SUBMITTED; every rule the plan breaks comes back at once in the problem's violations. */
    @Post("/plans/{id}:submit")
    public HttpResponse<String> submitPlan(HttpRequest<?> request, @PathVariable String id) {
        PeopleAccess.person(request);
        return PeopleJson.ok(forward.plans(AuthFilter.token(request),
                s -> s.submitPlan(SubmitPlanRequest.newBuilder().setName("plans/" + id).build())));
    }

    @Get("/day-exceptions")
    public HttpResponse<String> dayExceptions(HttpRequest<?> request, @QueryValue @Nullable String state,
                                              @QueryValue @Nullable Integer pageSize,
                                              @QueryValue @Nullable String pageToken) {
        Caller caller = PeopleAccess.person(request);
        ListDayExceptionsRequest req = ListDayExceptionsRequest.newBuilder().setParent(officer(caller))
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(pageToken == null ? "" : pageToken)
                .setStateValue(stateFilter(state)).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.listDayExceptions(req)));
    }

    /**
     * Requests a one-day exception; unlike a plan it is SUBMITTED at once. Body: a DayException, for
     * example {@code {"date": {"year": 2026, "month": 12, "day": 3}, "place": "HOME", "note": "..."}}.
     */
    @Post("/day-exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> createDayException(HttpRequest<?> request, @Body @Nullable String body) {
        Caller caller = PeopleAccess.person(request);
        DayException.Builder e = PeopleJson.parse(body, DayException.newBuilder(), "DayException");
        CreateDayExceptionRequest req = CreateDayExceptionRequest.newBuilder().setParent(officer(caller))
                .setDayException(e.setOfficer(officer(caller))).build();
        return PeopleJson.ok(forward.plans(AuthFilter.token(request), s -> s.createDayException(req)));
    }

    /** The officer's days of one month ({@code month=2026-11}; default the current month), each settled. */
    @Get("/attendance")
    public HttpResponse<String> attendanceMonth(HttpRequest<?> request, @QueryValue @Nullable String month) {
        Caller caller = PeopleAccess.person(request);
        YearMonth m;
        try {
            m = blank(month) ? YearMonth.now(clock.withZone(settings.defaultZone())) : YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw JedaException.invalidField("month", "month must be YYYY-MM, for example 2026-11");
        }
        return PeopleJson.ok(forward.days(AuthFilter.token(request), s -> s.getAttendanceMonth(
                GetAttendanceMonthRequest.newBuilder().setOfficer(officer(caller)).setYear(m.getYear())
                        .setMonth(m.getMonthValue()).build())));
    }

    /** One local date ({@code 2026-11-25}) with its check-ins and check-outs. */
    @Get("/attendance/{date}")
    public HttpResponse<String> attendanceDay(HttpRequest<?> request, @PathVariable String date) {
        Caller caller = PeopleAccess.person(request);
        LocalDate d = date(date, "date");
        return PeopleJson.ok(forward.days(AuthFilter.token(request), s -> s.getAttendanceDay(
                GetAttendanceDayRequest.newBuilder().setName(officer(caller) + "/attendanceDays/" + d).build())));
    }

    private static String officer(Caller caller) {
        return "officers/" + caller.subject();
    }

    /** The key from the header or the body; both may be given only when they agree. */
    static String idempotencyKey(@Nullable String header, String body) {
        String h = header == null ? "" : header.trim();
        if (!h.isEmpty() && !body.isEmpty() && !h.equals(body)) {
            throw JedaException.invalidArgument("IDEMPOTENCY_KEY_MISMATCH",
                    "the Idempotency-Key header and the body's idempotencyKey differ", "field", "idempotencyKey");
        }
        return h.isEmpty() ? body : h;
    }

    /** A query value naming an enum value, with or without its type prefix (SUBMITTED or PLAN_STATE_SUBMITTED). */
    static EnumValueDescriptor enumValue(EnumDescriptor type, String value, String field) {
        String v = value.trim().toUpperCase();
        EnumValueDescriptor d = type.findValueByName(v);
        if (d == null) {
            String zero = type.getValues().get(0).getName();
            d = type.findValueByName(zero.substring(0, zero.length() - "UNSPECIFIED".length()) + v);
        }
        if (d == null || d.getNumber() == 0) {
            throw JedaException.invalidField(field, field + " '" + value + "' is not one of " + type.getValues().stream()
                    .skip(1).map(EnumValueDescriptor::getName).toList());
        }
        return d;
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw JedaException.invalidField(field, field + " must be a date YYYY-MM-DD, for example 2026-11-25");
        }
    }

    static com.google.type.Date date(LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
