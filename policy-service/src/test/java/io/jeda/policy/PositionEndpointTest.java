package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.type.TimeOfDay;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.GetPositionRequest;
import io.jeda.policy.v1.ListPositionsRequest;
import io.jeda.policy.v1.ListPositionsResponse;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.UpdatePositionRequest;
import io.jeda.policy.v1.WorkPlace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.policy.UnitFixtures.ADMIN;
import static io.jeda.policy.UnitFixtures.OFFICER_NIP;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PositionService through real stubs on the test database. */
class PositionEndpointTest extends UnitApiTestBase {

    private PositionServiceGrpc.PositionServiceBlockingStub admin() {
        return UnitFixtures.positions(channel, ADMIN, Role.ADMIN);
    }

    private static TimeOfDay t(int h, int m) {
        return TimeOfDay.newBuilder().setHours(h).setMinutes(m).build();
    }

    private static CreatePositionRequest create(String id, Position.Builder p) {
        return CreatePositionRequest.newBuilder().setPositionId(id).setPosition(p).build();
    }

    private static UpdatePositionRequest update(Position.Builder p, String... paths) {
        return UpdatePositionRequest.newBuilder().setPosition(p)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
    }

    @Test
    void unsetFieldsTakeTheNationalDefaults() {
        Position p = admin().createPosition(create("analis", Position.newBuilder().setDisplayName("Analis Kebijakan")));
        assertEquals("positions/analis", p.getName());
        assertEquals("Analis Kebijakan", p.getDisplayName());
        assertFalse(p.getFwaEligible());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE), p.getAllowedPlacesList());
        assertEquals(2, p.getMaxRemoteDaysPerWeek());
        assertEquals(FlexiTimeKind.FLEXI_TIME_KIND_FIXED, p.getFlexiTime());
        assertEquals(t(7, 30), p.getDefaultStart());
        assertEquals(t(7, 0), p.getStartWindowBegin());
        assertEquals(t(9, 0), p.getStartWindowEnd());
        assertEquals(2250, p.getWeeklyWorkMinutes());
        assertEquals(450, p.getDailyWorkMinutes());
        assertEquals(60, p.getBreakMinutes());
        assertEquals(90, p.getFridayBreakMinutes());
        assertEquals(t(9, 0), p.getCoreStart());
        assertEquals(t(15, 0), p.getCoreEnd());
        assertEquals(p, UnitFixtures.positions(channel, OFFICER_NIP, Role.OFFICER)
                .getPosition(GetPositionRequest.newBuilder().setName("positions/analis").build()));
    }

    @Test
    void givenValuesAreKeptAndOfficeIsAlwaysAllowed() {
        Position p = admin().createPosition(create("pranata", Position.newBuilder().setDisplayName("Pranata Komputer")
                .setFwaEligible(true).addAllowedPlaces(WorkPlace.WORK_PLACE_HOME)
                .addAllowedPlaces(WorkPlace.WORK_PLACE_OTHER).setMaxRemoteDaysPerWeek(3)
                .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW).setDefaultStart(t(8, 0))
                .setStartWindowBegin(t(6, 30)).setStartWindowEnd(t(9, 30)).setWeeklyWorkMinutes(2400)
                .setDailyWorkMinutes(480).setBreakMinutes(45).setFridayBreakMinutes(100)
                .setCoreStart(t(10, 0)).setCoreEnd(t(14, 0))));
        assertTrue(p.getFwaEligible());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME, WorkPlace.WORK_PLACE_OTHER),
                p.getAllowedPlacesList());
        assertEquals(3, p.getMaxRemoteDaysPerWeek());
        assertEquals(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW, p.getFlexiTime());
        assertEquals(t(8, 0), p.getDefaultStart());
        assertEquals(t(6, 30), p.getStartWindowBegin());
        assertEquals(t(9, 30), p.getStartWindowEnd());
        assertEquals(2400, p.getWeeklyWorkMinutes());
        assertEquals(480, p.getDailyWorkMinutes());
        assertEquals(45, p.getBreakMinutes());
        assertEquals(100, p.getFridayBreakMinutes());
        assertEquals(t(10, 0), p.getCoreStart());
        assertEquals(t(14, 0), p.getCoreEnd());
    }

    @Test
    void settingsNoOfficerCouldMeetAreRefused() {
        Position.Builder ok = Position.newBuilder().setDisplayName("Analis");
        var window = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_START_WINDOW", () -> admin().createPosition(
                create("a1", ok.clone().setStartWindowBegin(t(9, 30)).setStartWindowEnd(t(9, 0)))));
        assertEquals("position.start_window_begin", window.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_CORE_HOURS",
                () -> admin().createPosition(create("a1", ok.clone().setCoreStart(t(15, 0)).setCoreEnd(t(15, 0)))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_CORE_HOURS",
                () -> admin().createPosition(create("a1", ok.clone().setCoreStart(t(16, 0)))));
        var daily = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WORK_MINUTES",
                () -> admin().createPosition(create("a1", ok.clone().setDailyWorkMinutes(24 * 60 + 1))));
        assertEquals("position.daily_work_minutes", daily.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WORK_MINUTES",
                () -> admin().createPosition(create("a1", ok.clone().setWeeklyWorkMinutes(-5))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WORK_MINUTES",
                () -> admin().createPosition(create("a1", ok.clone().setWeeklyWorkMinutes(300))));  // below one day
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WORK_MINUTES",
                () -> admin().createPosition(create("a1", ok.clone().setBreakMinutes(-1))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_MAX_REMOTE_DAYS",
                () -> admin().createPosition(create("a1", ok.clone().setMaxRemoteDaysPerWeek(8))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_MAX_REMOTE_DAYS",
                () -> admin().createPosition(create("a1", ok.clone().setMaxRemoteDaysPerWeek(-1))));
        var place = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createPosition(
                create("a1", ok.clone().addAllowedPlaces(WorkPlace.WORK_PLACE_UNSPECIFIED))));
        assertEquals("position.allowed_places[0]", place.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD",
                () -> admin().createPosition(create("a1", Position.newBuilder())));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_ID", () -> admin().createPosition(create("Analis Kebijakan", ok)));
        assertFails(Status.Code.NOT_FOUND, "POSITION_NOT_FOUND",
                () -> admin().getPosition(GetPositionRequest.newBuilder().setName("positions/a1").build()));
        admin().createPosition(create("a1", ok));
        assertFails(Status.Code.ALREADY_EXISTS, "POSITION_ALREADY_EXISTS", () -> admin().createPosition(create("a1", ok)));
    }

    @Test
    void listPagesThroughPositionsInNameOrder() {
        for (String id : List.of("penyuluh", "analis", "pranata")) {
            admin().createPosition(create(id, Position.newBuilder().setDisplayName(id)));
        }
        ListPositionsResponse first = admin().listPositions(ListPositionsRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of("positions/analis", "positions/penyuluh"),
                first.getPositionsList().stream().map(Position::getName).toList());
        ListPositionsResponse second = UnitFixtures.positions(channel, OFFICER_NIP, Role.OFFICER).listPositions(
                ListPositionsRequest.newBuilder().setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("positions/pranata"), second.getPositionsList().stream().map(Position::getName).toList());
        assertEquals("", second.getNextPageToken());
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_SIZE",
                () -> admin().listPositions(ListPositionsRequest.newBuilder().setPageSize(-1).build()));
    }

    @Test
    void updateChangesOnlyTheMaskedFields() {
        admin().createPosition(create("analis", Position.newBuilder().setDisplayName("Analis")
                .addAllowedPlaces(WorkPlace.WORK_PLACE_HOME)));
        Position p = admin().updatePosition(update(Position.newBuilder().setName("positions/analis")
                .setMaxRemoteDaysPerWeek(0).setFwaEligible(true).setDisplayName("ignored")
                .setCoreStart(t(8, 0)), "max_remote_days_per_week", "fwa_eligible", "core_start"));
        assertEquals(0, p.getMaxRemoteDaysPerWeek());
        assertTrue(p.getFwaEligible());
        assertEquals(t(8, 0), p.getCoreStart());
        assertEquals("Analis", p.getDisplayName());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME), p.getAllowedPlacesList());

        Position places = admin().updatePosition(update(Position.newBuilder().setName("positions/analis"),
                "allowed_places", "core_start"));
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE), places.getAllowedPlacesList());
        assertEquals(t(9, 0), places.getCoreStart(), "a cleared time returns to the default");
        assertEquals(places, admin().getPosition(GetPositionRequest.newBuilder().setName("positions/analis").build()));
    }

    @Test
    void updateRefusesBadMasksAndBrokenResults() {
        admin().createPosition(create("analis", Position.newBuilder().setDisplayName("Analis")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> admin().updatePosition(
                update(Position.newBuilder().setName("positions/analis").setDisplayName("x"), "name")));
        // Without a mask the fields the request sets are changed, and only those.
        Position before = admin().getPosition(GetPositionRequest.newBuilder().setName("positions/analis").build());
        Position unmasked = admin().updatePosition(
                update(Position.newBuilder().setName("positions/analis").setDisplayName("Analis Kebijakan")));
        assertEquals("Analis Kebijakan", unmasked.getDisplayName());
        assertEquals(before.toBuilder().setDisplayName("Analis Kebijakan").build(), unmasked);
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().updatePosition(
                update(Position.newBuilder().setName("positions/analis"), "flexi_time")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_START_WINDOW", () -> admin().updatePosition(
                update(Position.newBuilder().setName("positions/analis").setStartWindowEnd(t(6, 0)), "start_window_end")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WORK_MINUTES", () -> admin().updatePosition(
                update(Position.newBuilder().setName("positions/analis"), "weekly_work_minutes")));
        assertFails(Status.Code.NOT_FOUND, "POSITION_NOT_FOUND", () -> admin().updatePosition(
                update(Position.newBuilder().setName("positions/nothing").setDisplayName("x"), "display_name")));
        assertEquals(2250, admin().getPosition(GetPositionRequest.newBuilder().setName("positions/analis").build())
                .getWeeklyWorkMinutes());
    }

    @Test
    void onlyAdminsWriteAndAgencySystemsCannotRead() {
        Position.Builder p = Position.newBuilder().setDisplayName("Analis");
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> UnitFixtures.positions(channel, OFFICER_NIP,
                Role.OFFICER, Role.MANAGER).createPosition(create("analis", p)));
        admin().createPosition(create("analis", p));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> UnitFixtures.positions(channel, OFFICER_NIP,
                Role.OFFICER).updatePosition(update(Position.newBuilder().setName("positions/analis")
                .setDisplayName("x"), "display_name")));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> UnitFixtures.positions(channel, "desk",
                Role.AGENCY).listPositions(ListPositionsRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN", () -> PositionServiceGrpc.newBlockingStub(channel)
                .getPosition(GetPositionRequest.newBuilder().setName("positions/analis").build()));
    }
}
