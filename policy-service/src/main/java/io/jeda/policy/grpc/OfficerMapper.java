package io.jeda.policy.grpc;

import io.jeda.common.names.OfficerName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.OfficerView;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;

/** Maps the OfficerService API to the officer domain and back; the only class that knows both. */
public final class OfficerMapper {

    /** Page sizes documented on ListOfficersRequest. */
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private OfficerMapper() {
    }

    public static String nip(String name, String field) {
        return OfficerName.parse(name, field).nip();
    }

    public static String optionalNip(String name, String field) {
        return name == null || name.isEmpty() ? null : nip(name, field);
    }

    public static String name(String nip) {
        return OfficerName.of(nip).toString();
    }

    /** A draft or patch: empty references, an absent domicile and unset dates become null. */
    public static Officer toDomain(io.jeda.policy.v1.Officer o) {
        String nip = o.getNip().isEmpty() && !o.getName().isEmpty() ? nip(o.getName(), "officer.name") : o.getNip();
        Double lat = null;
        Double lon = null;
        Integer radius = null;
        if (o.hasDomicile()) {
            Geofence g = o.getDomicile();
            lat = g.getCenter().getLatitude();
            lon = g.getCenter().getLongitude();
            radius = g.getRadiusMeters();
        }
        return new Officer(nip, o.getDisplayName(),
                o.getUnit().isEmpty() ? null : UnitMapper.unitId(o.getUnit(), "officer.unit"),
                o.getPosition().isEmpty() ? null : PositionMapper.positionId(o.getPosition(), "officer.position"),
                optionalNip(o.getManager(), "officer.manager"), lat, lon, radius,
                ProtoConversions.toLocalDateOrNull(o.getPenaltyUntil(), "officer.penalty_until"),
                ProtoConversions.toLocalDateOrNull(o.getProbationUntil(), "officer.probation_until"),
                null, null);
    }

    /** The officer as the domain let this caller see them: a domicile only when the view carries one. */
    public static io.jeda.policy.v1.Officer toProto(OfficerView v) {
        Officer o = v.officer();
        io.jeda.policy.v1.Officer.Builder b = io.jeda.policy.v1.Officer.newBuilder()
                .setName(name(o.nip()))
                .setNip(o.nip())
                .setDisplayName(o.displayName())
                .setUnit(UnitMapper.name(o.unitId()))
                .setPosition(PositionMapper.name(o.positionId()))
                .setManager(o.managerNip() == null ? "" : name(o.managerNip()))
                .setTimeZone(v.timeZone());
        if (o.domicileLatitude() != null && o.domicileLongitude() != null && o.domicileRadiusMeters() != null) {
            b.setDomicile(UnitMapper.geofence(o.domicileLatitude(), o.domicileLongitude(), o.domicileRadiusMeters()));
        }
        if (o.penaltyUntil() != null) {
            b.setPenaltyUntil(ProtoConversions.toDate(o.penaltyUntil()));
        }
        if (o.probationUntil() != null) {
            b.setProbationUntil(ProtoConversions.toDate(o.probationUntil()));
        }
        return b.build();
    }

    public static PageRequest page(ListOfficersRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListOfficersResponse toListResponse(PageRequest.Page<OfficerView> page) {
        ListOfficersResponse.Builder b = ListOfficersResponse.newBuilder();
        page.items().forEach(o -> b.addOfficers(toProto(o)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }
}
