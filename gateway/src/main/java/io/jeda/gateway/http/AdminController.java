package io.jeda.gateway.http;

import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.util.Timestamps;
import io.grpc.MethodDescriptor;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.client.AdminForwarder;
import io.jeda.policy.v1.Absence;
import io.jeda.policy.v1.AdminChangeServiceGrpc;
import io.jeda.policy.v1.CalendarDay;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CreateAbsenceRequest;
import io.jeda.policy.v1.CreateCalendarDayRequest;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRamadanPeriodRequest;
import io.jeda.policy.v1.CreateRosterOverrideRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.DeleteAbsenceRequest;
import io.jeda.policy.v1.DeleteCalendarDayRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetPositionRequest;
import io.jeda.policy.v1.GetRosterRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListAdminChangesRequest;
import io.jeda.policy.v1.ListAdminChangesResponse;
import io.jeda.policy.v1.ListAbsencesResponse;
import io.jeda.policy.v1.ListCalendarDaysRequest;
import io.jeda.policy.v1.ListCalendarDaysResponse;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.ListPositionsRequest;
import io.jeda.policy.v1.ListPositionsResponse;
import io.jeda.policy.v1.ListRamadanPeriodsRequest;
import io.jeda.policy.v1.ListRamadanPeriodsResponse;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.RamadanPeriod;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterOverride;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.SwapRosterSlotsRequest;
import io.jeda.policy.v1.SwapRosterSlotsResponse;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateOfficerRequest;
import io.jeda.policy.v1.UpdatePositionRequest;
import io.jeda.policy.v1.UpdateRosterRequest;
import io.jeda.policy.v1.UpdateUnitRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.text.ParseException;

/**
 * REST for agency admins and HR over policy-service's admin API (units and their offices, positions
 * and their eligibility, officers, calendars, absences, rosters, the audit of admin changes): each
 * route builds the gRPC request from its path, query and body, forwards it with the caller's own token
 * ({@link AdminForwarder}; policy-service checks the role and the admin scope) and answers the
 * service's message. Paths take ids or whole names, like the team routes.
 */
@Controller("/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {

    private final AdminForwarder forwarder;

    public AdminController(AdminForwarder forwarder) {
        this.forwarder = forwarder;
    }

    private <Q, R> R call(HttpRequest<?> http, MethodDescriptor<Q, R> method, Q request) {
        return forwarder.unary(AuthFilter.token(http), method, request);
    }

    // ------------------------------------------------------------------ units and offices

    @Get("/units")
    public ListUnitsResponse listUnits(HttpRequest<?> http, @QueryValue @Nullable String parent,
                                       @QueryValue @Nullable Integer pageSize, @QueryValue @Nullable String pageToken) {
        ListUnitsRequest.Builder r = ListUnitsRequest.newBuilder().setPageSize(orZero(pageSize))
                .setPageToken(orEmpty(pageToken));
        if (parent != null) {
            r.setParent(TeamController.name("units", parent));
        }
        return call(http, UnitServiceGrpc.getListUnitsMethod(), r.build());
    }

    @Post("/units")
    @Consumes(MediaType.APPLICATION_JSON)
    public Unit createUnit(HttpRequest<?> http, @QueryValue @Nullable String unitId, @Body @Nullable String body) {
        return call(http, UnitServiceGrpc.getCreateUnitMethod(), CreateUnitRequest.newBuilder()
                .setUnitId(orEmpty(unitId)).setUnit((Unit) ProtoJson.read(body, Unit.newBuilder())).build());
    }

    @Get("/units/{unit}")
    public Unit getUnit(HttpRequest<?> http, @PathVariable String unit) {
        return call(http, UnitServiceGrpc.getGetUnitMethod(),
                GetUnitRequest.newBuilder().setName(TeamController.name("units", unit)).build());
    }

    @Patch("/units/{unit}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Unit updateUnit(HttpRequest<?> http, @PathVariable String unit, @QueryValue @Nullable String updateMask,
                           @Body @Nullable String body) {
        Unit u = ((Unit) ProtoJson.read(body, Unit.newBuilder())).toBuilder()
                .setName(TeamController.name("units", unit)).build();
        return call(http, UnitServiceGrpc.getUpdateUnitMethod(), UpdateUnitRequest.newBuilder().setUnit(u)
                .setUpdateMask(mask(updateMask)).build());
    }

    // ------------------------------------------------------------------ positions

    @Get("/positions")
    public ListPositionsResponse listPositions(HttpRequest<?> http, @QueryValue @Nullable Integer pageSize,
                                               @QueryValue @Nullable String pageToken) {
        return call(http, PositionServiceGrpc.getListPositionsMethod(), ListPositionsRequest.newBuilder()
                .setPageSize(orZero(pageSize)).setPageToken(orEmpty(pageToken)).build());
    }

    @Post("/positions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Position createPosition(HttpRequest<?> http, @QueryValue @Nullable String positionId,
                                   @Body @Nullable String body) {
        return call(http, PositionServiceGrpc.getCreatePositionMethod(), CreatePositionRequest.newBuilder()
                .setPositionId(orEmpty(positionId)).setPosition((Position) ProtoJson.read(body, Position.newBuilder()))
                .build());
    }

    @Get("/positions/{position}")
    public Position getPosition(HttpRequest<?> http, @PathVariable String position) {
        return call(http, PositionServiceGrpc.getGetPositionMethod(),
                GetPositionRequest.newBuilder().setName(TeamController.name("positions", position)).build());
    }

    @Patch("/positions/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Position updatePosition(HttpRequest<?> http, @PathVariable String position,
                                   @QueryValue @Nullable String updateMask, @Body @Nullable String body) {
        Position p = ((Position) ProtoJson.read(body, Position.newBuilder())).toBuilder()
                .setName(TeamController.name("positions", position)).build();
        return call(http, PositionServiceGrpc.getUpdatePositionMethod(), UpdatePositionRequest.newBuilder()
                .setPosition(p).setUpdateMask(mask(updateMask)).build());
    }

    // ------------------------------------------------------------------ officers

    @Get("/officers")
    public ListOfficersResponse listOfficers(HttpRequest<?> http, @QueryValue @Nullable String unit,
                                             @QueryValue @Nullable String manager,
                                             @QueryValue @Nullable Integer pageSize,
                                             @QueryValue @Nullable String pageToken) {
        ListOfficersRequest.Builder r = ListOfficersRequest.newBuilder().setPageSize(orZero(pageSize))
                .setPageToken(orEmpty(pageToken));
        if (unit != null) {
            r.setUnit(TeamController.name("units", unit));
        }
        if (manager != null) {
            r.setManager(TeamController.name("officers", manager));
        }
        return call(http, OfficerServiceGrpc.getListOfficersMethod(), r.build());
    }

    @Post("/officers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Officer createOfficer(HttpRequest<?> http, @Body @Nullable String body) {
        return call(http, OfficerServiceGrpc.getCreateOfficerMethod(), CreateOfficerRequest.newBuilder()
                .setOfficer((Officer) ProtoJson.read(body, Officer.newBuilder())).build());
    }

    /** The CSV in a JSON body ({@code csv}, {@code validateOnly}); every bad row comes back with its line. */
    @Post("/officers:import")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.jeda.policy.v1.ImportOfficersResponse importOfficers(HttpRequest<?> http, @Body @Nullable String body) {
        return call(http, OfficerServiceGrpc.getImportOfficersMethod(),
                (io.jeda.policy.v1.ImportOfficersRequest) ProtoJson.read(body,
                        io.jeda.policy.v1.ImportOfficersRequest.newBuilder()));
    }

    @Get("/officers/{nip}")
    public Officer getOfficer(HttpRequest<?> http, @PathVariable String nip) {
        return call(http, OfficerServiceGrpc.getGetOfficerMethod(),
                GetOfficerRequest.newBuilder().setName(TeamController.name("officers", nip)).build());
    }

    @Patch("/officers/{nip}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Officer updateOfficer(HttpRequest<?> http, @PathVariable String nip, @QueryValue @Nullable String updateMask,
                                 @Body @Nullable String body) {
        Officer o = ((Officer) ProtoJson.read(body, Officer.newBuilder())).toBuilder()
                .setName(TeamController.name("officers", nip)).build();
        return call(http, OfficerServiceGrpc.getUpdateOfficerMethod(), UpdateOfficerRequest.newBuilder()
                .setOfficer(o).setUpdateMask(mask(updateMask)).build());
    }

    // ------------------------------------------------------------------ calendars and absences

    @Get("/calendar-days")
    public ListCalendarDaysResponse listCalendarDays(HttpRequest<?> http, @QueryValue @Nullable Integer year,
                                                     @QueryValue @Nullable Integer pageSize,
                                                     @QueryValue @Nullable String pageToken) {
        return call(http, CalendarServiceGrpc.getListCalendarDaysMethod(), ListCalendarDaysRequest.newBuilder()
                .setYear(orZero(year)).setPageSize(orZero(pageSize)).setPageToken(orEmpty(pageToken)).build());
    }

    @Post("/calendar-days")
    @Consumes(MediaType.APPLICATION_JSON)
    public CalendarDay createCalendarDay(HttpRequest<?> http, @Body @Nullable String body) {
        return call(http, CalendarServiceGrpc.getCreateCalendarDayMethod(), CreateCalendarDayRequest.newBuilder()
                .setCalendarDay((CalendarDay) ProtoJson.read(body, CalendarDay.newBuilder())).build());
    }

    @Delete("/calendar-days/{day}")
    public Empty deleteCalendarDay(HttpRequest<?> http, @PathVariable String day) {
        return call(http, CalendarServiceGrpc.getDeleteCalendarDayMethod(), DeleteCalendarDayRequest.newBuilder()
                .setName(TeamController.name("calendarDays", day)).build());
    }

    @Get("/ramadan-periods")
    public ListRamadanPeriodsResponse listRamadanPeriods(HttpRequest<?> http, @QueryValue @Nullable Integer pageSize,
                                                         @QueryValue @Nullable String pageToken) {
        return call(http, CalendarServiceGrpc.getListRamadanPeriodsMethod(), ListRamadanPeriodsRequest.newBuilder()
                .setPageSize(orZero(pageSize)).setPageToken(orEmpty(pageToken)).build());
    }

    @Post("/ramadan-periods")
    @Consumes(MediaType.APPLICATION_JSON)
    public RamadanPeriod createRamadanPeriod(HttpRequest<?> http, @Body @Nullable String body) {
        return call(http, CalendarServiceGrpc.getCreateRamadanPeriodMethod(), CreateRamadanPeriodRequest.newBuilder()
                .setRamadanPeriod((RamadanPeriod) ProtoJson.read(body, RamadanPeriod.newBuilder())).build());
    }

    @Get("/officers/{nip}/absences")
    public ListAbsencesResponse listAbsences(HttpRequest<?> http, @PathVariable String nip,
                                             @QueryValue @Nullable Integer pageSize,
                                             @QueryValue @Nullable String pageToken) {
        return call(http, CalendarServiceGrpc.getListAbsencesMethod(), ListAbsencesRequest.newBuilder()
                .setParent(TeamController.name("officers", nip)).setPageSize(orZero(pageSize))
                .setPageToken(orEmpty(pageToken)).build());
    }

    @Post("/officers/{nip}/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Absence createAbsence(HttpRequest<?> http, @PathVariable String nip, @Body @Nullable String body) {
        return call(http, CalendarServiceGrpc.getCreateAbsenceMethod(), CreateAbsenceRequest.newBuilder()
                .setParent(TeamController.name("officers", nip))
                .setAbsence((Absence) ProtoJson.read(body, Absence.newBuilder())).build());
    }

    @Delete("/officers/{nip}/absences/{absence}")
    public Empty deleteAbsence(HttpRequest<?> http, @PathVariable String nip, @PathVariable String absence) {
        return call(http, CalendarServiceGrpc.getDeleteAbsenceMethod(), DeleteAbsenceRequest.newBuilder()
                .setName(TeamController.name("officers", nip) + "/absences/" + absence).build());
    }

    // ------------------------------------------------------------------ rosters

    @Get("/rosters")
    public ListRostersResponse listRosters(HttpRequest<?> http, @QueryValue @Nullable String unit,
                                           @QueryValue @Nullable Integer pageSize,
                                           @QueryValue @Nullable String pageToken) {
        ListRostersRequest.Builder r = ListRostersRequest.newBuilder().setPageSize(orZero(pageSize))
                .setPageToken(orEmpty(pageToken));
        if (unit != null) {
            r.setUnit(TeamController.name("units", unit));
        }
        return call(http, RosterServiceGrpc.getListRostersMethod(), r.build());
    }

    @Post("/rosters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Roster createRoster(HttpRequest<?> http, @QueryValue @Nullable String rosterId, @Body @Nullable String body) {
        return call(http, RosterServiceGrpc.getCreateRosterMethod(), CreateRosterRequest.newBuilder()
                .setRosterId(orEmpty(rosterId)).setRoster((Roster) ProtoJson.read(body, Roster.newBuilder())).build());
    }

    @Get("/rosters/{roster}")
    public Roster getRoster(HttpRequest<?> http, @PathVariable String roster) {
        return call(http, RosterServiceGrpc.getGetRosterMethod(),
                GetRosterRequest.newBuilder().setName(TeamController.name("rosters", roster)).build());
    }

    @Patch("/rosters/{roster}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Roster updateRoster(HttpRequest<?> http, @PathVariable String roster, @QueryValue @Nullable String updateMask,
                               @Body @Nullable String body) {
        Roster r = ((Roster) ProtoJson.read(body, Roster.newBuilder())).toBuilder()
                .setName(TeamController.name("rosters", roster)).build();
        return call(http, RosterServiceGrpc.getUpdateRosterMethod(), UpdateRosterRequest.newBuilder().setRoster(r)
                .setUpdateMask(mask(updateMask)).build());
    }

    @Post("/rosters/{roster}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    public RosterOverride createRosterOverride(HttpRequest<?> http, @PathVariable String roster,
                                               @Body @Nullable String body) {
        return call(http, RosterServiceGrpc.getCreateRosterOverrideMethod(), CreateRosterOverrideRequest.newBuilder()
                .setParent(TeamController.name("rosters", roster))
                .setOverride((RosterOverride) ProtoJson.read(body, RosterOverride.newBuilder())).build());
    }

    @Post("/rosters/{roster}:swap")
    @Consumes(MediaType.APPLICATION_JSON)
    public SwapRosterSlotsResponse swapRosterSlots(HttpRequest<?> http, @PathVariable String roster,
                                                   @Body @Nullable String body) {
        SwapRosterSlotsRequest r = ((SwapRosterSlotsRequest) ProtoJson.read(body, SwapRosterSlotsRequest.newBuilder()))
                .toBuilder().setParent(TeamController.name("rosters", roster)).build();
        return call(http, RosterServiceGrpc.getSwapRosterSlotsMethod(), r);
    }

    @Get("/rosters/{roster}/slots")
    public ListOnCallSlotsResponse listOnCallSlots(HttpRequest<?> http, @PathVariable String roster,
                                                   @QueryValue @Nullable String time,
                                                   @QueryValue @Nullable Integer pageSize) {
        ListOnCallSlotsRequest.Builder r = ListOnCallSlotsRequest.newBuilder()
                .setParent(TeamController.name("rosters", roster)).setPageSize(orZero(pageSize));
        if (time != null) {
            r.setTime(instant(time, "time"));
        }
        return call(http, RosterServiceGrpc.getListOnCallSlotsMethod(), r.build());
    }

    // ------------------------------------------------------------------ CSV imports of positions and calendars

    /** Positions and their eligibility from CSV in a JSON body ({@code csv}, {@code validateOnly}). */
    @Post("/positions:import")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.jeda.policy.v1.ImportPositionsResponse importPositions(HttpRequest<?> http, @Body @Nullable String body) {
        return call(http, io.jeda.policy.v1.ImportServiceGrpc.getImportPositionsMethod(),
                (io.jeda.policy.v1.ImportPositionsRequest) ProtoJson.read(body,
                        io.jeda.policy.v1.ImportPositionsRequest.newBuilder()));
    }

    /** Holidays, collective leave, agency days and Ramadan periods from CSV in a JSON body. */
    @Post("/calendar-days:import")
    @Consumes(MediaType.APPLICATION_JSON)
    public io.jeda.policy.v1.ImportCalendarDaysResponse importCalendarDays(HttpRequest<?> http,
                                                                          @Body @Nullable String body) {
        return call(http, io.jeda.policy.v1.ImportServiceGrpc.getImportCalendarDaysMethod(),
                (io.jeda.policy.v1.ImportCalendarDaysRequest) ProtoJson.read(body,
                        io.jeda.policy.v1.ImportCalendarDaysRequest.newBuilder()));
    }

    // ------------------------------------------------------------------ audit of admin changes

    @Get("/changes")
    public ListAdminChangesResponse listAdminChanges(HttpRequest<?> http, @QueryValue @Nullable String unit,
                                                     @QueryValue @Nullable String resource,
                                                     @QueryValue @Nullable Integer pageSize,
                                                     @QueryValue @Nullable String pageToken) {
        ListAdminChangesRequest.Builder r = ListAdminChangesRequest.newBuilder().setPageSize(orZero(pageSize))
                .setPageToken(orEmpty(pageToken)).setResource(orEmpty(resource));
        if (unit != null) {
            r.setUnit(TeamController.name("units", unit));
        }
        return call(http, AdminChangeServiceGrpc.getListAdminChangesMethod(), r.build());
    }

    // ------------------------------------------------------------------ helpers

    static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code displayName,offices} (JSON names) or {@code display_name,offices}; empty: the fields the body sets. */
    static FieldMask mask(String updateMask) {
        if (updateMask == null || updateMask.isBlank()) {
            return FieldMask.getDefaultInstance();
        }
        return updateMask.contains("_") ? FieldMaskUtil.fromString(updateMask) : FieldMaskUtil.fromJsonString(updateMask);
    }

    static Timestamp instant(String text, String field) {
        try {
            return Timestamps.parse(text);
        } catch (ParseException e) {
            throw JedaException.invalidArgument("INVALID_TIME", field + " must be an RFC 3339 instant, got '" + text
                    + "' (write an offset's + as %2B)", "field", field);
        }
    }

}
