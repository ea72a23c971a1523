package io.jeda.policy.grpc;

import com.google.type.LatLng;
import io.jeda.common.names.UnitName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.domain.organisation.Office;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.organisation.UnitDetails;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Maps the UnitService API to the unit domain and back; the only class that knows both. */
public final class UnitMapper {

    /** Page sizes documented on ListUnitsRequest. */
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private UnitMapper() {
    }

    public static String unitId(String name, String field) {
        return UnitName.parse(name, field).unitId();
    }

    /** Null for an empty reference, otherwise the id of {@code units/{id}}. */
    public static String optionalUnitId(String name, String field) {
        return name == null || name.isEmpty() ? null : unitId(name, field);
    }

    public static String name(String unitId) {
        return UnitName.of(unitId).toString();
    }

    /** A draft or patch of a unit: unset day close time becomes null (the configured default). */
    public static UnitDetails toDomain(io.jeda.policy.v1.Unit u) {
        LocalTime close = ProtoConversions.isSet(u.getDayCloseTime())
                ? ProtoConversions.toLocalTime(u.getDayCloseTime(), "unit.day_close_time") : null;
        List<Office> offices = new ArrayList<>();
        for (io.jeda.policy.v1.Office o : u.getOfficesList()) {
            Geofence g = o.getGeofence();
            offices.add(new Office(null, null, o.getId(), o.getDisplayName(), g.getCenter().getLatitude(),
                    g.getCenter().getLongitude(), g.getRadiusMeters()));
        }
        Unit unit = new Unit(null, u.getDisplayName(), optionalUnitId(u.getParent(), "unit.parent"),
                u.getTimeZone(), close, u.getServesPublic(), null, null);
        return new UnitDetails(unit, offices);
    }

    public static io.jeda.policy.v1.Unit toProto(UnitDetails d) {
        Unit u = d.unit();
        io.jeda.policy.v1.Unit.Builder b = io.jeda.policy.v1.Unit.newBuilder()
                .setName(name(u.id()))
                .setDisplayName(u.displayName())
                .setParent(u.parentId() == null ? "" : name(u.parentId()))
                .setTimeZone(u.timeZone())
                .setDayCloseTime(ProtoConversions.toTimeOfDay(u.dayCloseTime()))
                .setServesPublic(u.servesPublic());
        for (Office o : d.offices()) {
            b.addOffices(io.jeda.policy.v1.Office.newBuilder()
                    .setId(o.code())
                    .setDisplayName(o.displayName())
                    .setGeofence(geofence(o.latitude(), o.longitude(), o.radiusMeters())));
        }
        return b.build();
    }

    static Geofence geofence(double lat, double lon, int radius) {
        return Geofence.newBuilder()
                .setCenter(LatLng.newBuilder().setLatitude(lat).setLongitude(lon))
                .setRadiusMeters(radius)
                .build();
    }

    public static PageRequest page(ListUnitsRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListUnitsResponse toListResponse(PageRequest.Page<UnitDetails> page) {
        ListUnitsResponse.Builder b = ListUnitsResponse.newBuilder();
        page.items().forEach(u -> b.addUnits(toProto(u)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }
}
