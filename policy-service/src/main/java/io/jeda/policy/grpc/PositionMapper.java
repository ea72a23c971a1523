package io.jeda.policy.grpc;

import io.jeda.common.error.JedaException;
import io.jeda.common.names.PositionName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.v1.ListPositionsRequest;
import io.jeda.policy.v1.ListPositionsResponse;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** Maps the PositionService API to the position domain and back; the only class that knows both. */
public final class PositionMapper {

    /** Page sizes documented on ListPositionsRequest. */
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private PositionMapper() {
    }

    public static String positionId(String name, String field) {
        return PositionName.parse(name, field).positionId();
    }

    public static String name(String id) {
        return PositionName.of(id).toString();
    }

    /**
     * A draft or patch: unset times and an UNSPECIFIED flexi-time kind become null, numbers are
     * passed as given (the domain decides what zero means on create and on update).
     */
    public static Position toDomain(io.jeda.policy.v1.Position p) {
        Set<WorkPlace> places = EnumSet.noneOf(WorkPlace.class);
        for (int i = 0; i < p.getAllowedPlacesCount(); i++) {
            places.add(ProtoConversions.toWorkPlace(p.getAllowedPlaces(i), "position.allowed_places[" + i + "]"));
        }
        return new Position(null, p.getDisplayName(), p.getFwaEligible(), Position.encodePlaces(places),
                p.getMaxRemoteDaysPerWeek(), flexi(p.getFlexiTime()),
                time(p.getDefaultStart(), "position.default_start"),
                time(p.getStartWindowBegin(), "position.start_window_begin"),
                time(p.getStartWindowEnd(), "position.start_window_end"),
                p.getWeeklyWorkMinutes(), p.getDailyWorkMinutes(), p.getBreakMinutes(), p.getFridayBreakMinutes(),
                time(p.getCoreStart(), "position.core_start"), time(p.getCoreEnd(), "position.core_end"),
                null, null);
    }

    public static io.jeda.policy.v1.Position toProto(Position p) {
        io.jeda.policy.v1.Position.Builder b = io.jeda.policy.v1.Position.newBuilder()
                .setName(name(p.id()))
                .setDisplayName(p.displayName())
                .setFwaEligible(p.fwaEligible())
                .setMaxRemoteDaysPerWeek(p.maxRemoteDaysPerWeek())
                .setFlexiTime(toProto(p.flexiTime()))
                .setDefaultStart(ProtoConversions.toTimeOfDay(p.defaultStart()))
                .setStartWindowBegin(ProtoConversions.toTimeOfDay(p.startWindowBegin()))
                .setStartWindowEnd(ProtoConversions.toTimeOfDay(p.startWindowEnd()))
                .setWeeklyWorkMinutes(p.weeklyWorkMinutes())
                .setDailyWorkMinutes(p.dailyWorkMinutes())
                .setBreakMinutes(p.breakMinutes())
                .setFridayBreakMinutes(p.fridayBreakMinutes())
                .setCoreStart(ProtoConversions.toTimeOfDay(p.coreStart()))
                .setCoreEnd(ProtoConversions.toTimeOfDay(p.coreEnd()));
        p.places().forEach(w -> b.addAllowedPlaces(ProtoConversions.toProto(w)));
        return b.build();
    }

    public static PageRequest page(ListPositionsRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListPositionsResponse toListResponse(PageRequest.Page<Position> page) {
        ListPositionsResponse.Builder b = ListPositionsResponse.newBuilder();
        page.items().forEach(p -> b.addPositions(toProto(p)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }

    private static LocalTime time(com.google.type.TimeOfDay t, String field) {
        return ProtoConversions.isSet(t) ? ProtoConversions.toLocalTime(t, field) : null;
    }

    private static FlexiTimeKind flexi(io.jeda.policy.v1.FlexiTimeKind k) {
        return switch (k) {
            case FLEXI_TIME_KIND_FIXED -> FlexiTimeKind.FIXED;
            case FLEXI_TIME_KIND_WINDOW -> FlexiTimeKind.WINDOW;
            case FLEXI_TIME_KIND_SHIFT -> FlexiTimeKind.SHIFT;
            case FLEXI_TIME_KIND_DYNAMIC -> FlexiTimeKind.DYNAMIC;
            case FLEXI_TIME_KIND_UNSPECIFIED -> null;
            default -> throw JedaException.invalidField("position.flexi_time", "position.flexi_time is not a known kind");
        };
    }

    private static io.jeda.policy.v1.FlexiTimeKind toProto(FlexiTimeKind k) {
        return switch (k) {
            case FIXED -> io.jeda.policy.v1.FlexiTimeKind.FLEXI_TIME_KIND_FIXED;
            case WINDOW -> io.jeda.policy.v1.FlexiTimeKind.FLEXI_TIME_KIND_WINDOW;
            case SHIFT -> io.jeda.policy.v1.FlexiTimeKind.FLEXI_TIME_KIND_SHIFT;
            case DYNAMIC -> io.jeda.policy.v1.FlexiTimeKind.FLEXI_TIME_KIND_DYNAMIC;
        };
    }
}
