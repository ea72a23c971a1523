package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.type.TimeOfDay;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateUnitRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.policy.UnitFixtures.ADMIN;
import static io.jeda.policy.UnitFixtures.OFFICER_NIP;
import static io.jeda.policy.UnitFixtures.geofence;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UnitService through real stubs on the test database. */
class UnitEndpointTest extends UnitApiTestBase {

    private UnitServiceGrpc.UnitServiceBlockingStub admin() {
        return UnitFixtures.units(channel, ADMIN, Role.ADMIN);
    }

    private static Office office(String id, double lat, double lon, int radius) {
        return Office.newBuilder().setId(id).setDisplayName("Kantor " + id).setGeofence(geofence(lat, lon, radius)).build();
    }

    private static CreateUnitRequest create(String id, Unit.Builder unit) {
        return CreateUnitRequest.newBuilder().setUnitId(id).setUnit(unit).build();
    }

    private static Unit.Builder valid() {
        return Unit.newBuilder().setDisplayName("Diskominfo Kabupaten Belitung Timur").setTimeZone("Asia/Jakarta");
    }

    @Test
    void createdUnitReadsBackWithOfficesAndTheDefaultDayClose() {
        admin().createUnit(create("pemkab", valid()));
        Unit created = admin().createUnit(create("diskominfo", valid().setParent("units/pemkab").setServesPublic(true)
                .addOffices(office("main", -2.87, 108.28, 150)).addOffices(office("annex", -2.88, 108.29, 80))));
        assertEquals("units/diskominfo", created.getName());

        Unit read = UnitFixtures.units(channel, OFFICER_NIP, Role.OFFICER)
                .getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build());
        assertEquals(created, read);
        assertEquals("units/pemkab", read.getParent());
        assertEquals("Asia/Jakarta", read.getTimeZone());
        assertTrue(read.getServesPublic());
        assertEquals(TimeOfDay.newBuilder().setHours(23).setMinutes(59).build(), read.getDayCloseTime());
        assertEquals(List.of("annex", "main"), read.getOfficesList().stream().map(Office::getId).toList());
        Office main = read.getOffices(1);
        assertEquals(-2.87, main.getGeofence().getCenter().getLatitude());
        assertEquals(108.28, main.getGeofence().getCenter().getLongitude());
        assertEquals(150, main.getGeofence().getRadiusMeters());
    }

    @Test
    void anExplicitDayCloseTimeIsKept() {
        Unit u = admin().createUnit(create("rsud", valid().setTimeZone("Asia/Jayapura")
                .setDayCloseTime(TimeOfDay.newBuilder().setHours(22).setMinutes(30))));
        assertEquals(22, u.getDayCloseTime().getHours());
        assertEquals(30, u.getDayCloseTime().getMinutes());
        assertEquals("Asia/Jayapura", u.getTimeZone());
    }

    @Test
    void aSecondUnitWithTheSameIdAlreadyExists() {
        admin().createUnit(create("diskominfo", valid()));
        assertFails(Status.Code.ALREADY_EXISTS, "UNIT_ALREADY_EXISTS", () -> admin().createUnit(create("diskominfo", valid())));
    }

    @Test
    void invalidInputIsRefusedWithItsReason() {
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_ID", () -> admin().createUnit(create("Dinas_Kominfo", valid())));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_ID", () -> admin().createUnit(create("x", valid())));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_ID", () -> admin().createUnit(create("a".repeat(64), valid())));
        var tz = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_TIME_ZONE",
                () -> admin().createUnit(create("diskominfo", valid().setTimeZone("Asia/Singapore"))));
        assertEquals("time_zone", tz.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_TIME_ZONE",
                () -> admin().createUnit(create("diskominfo", valid().setTimeZone(""))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD",
                () -> admin().createUnit(create("diskominfo", valid().setDisplayName(" "))));
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND",
                () -> admin().createUnit(create("diskominfo", valid().setParent("units/nowhere"))));
        var lat = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_GEOFENCE",
                () -> admin().createUnit(create("diskominfo", valid().addOffices(office("main", 91, 108, 100)))));
        assertEquals("unit.offices[0].geofence.center.latitude", lat.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_GEOFENCE",
                () -> admin().createUnit(create("diskominfo", valid().addOffices(office("main", 0, -180.5, 100)))));
        var radius = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_GEOFENCE",
                () -> admin().createUnit(create("diskominfo", valid().addOffices(office("main", 0, 0, 0)))));
        assertEquals("unit.offices[0].geofence.radius_meters", radius.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_GEOFENCE",
                () -> admin().createUnit(create("diskominfo", valid().addOffices(office("main", 0, 0, 100_001)))));
        assertFails(Status.Code.INVALID_ARGUMENT, "DUPLICATE_OFFICE", () -> admin().createUnit(create("diskominfo",
                valid().addOffices(office("main", 0, 0, 10)).addOffices(office("main", 1, 1, 10)))));
        // Nothing half-made was left behind by the refusals.
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND",
                () -> admin().getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build()));
    }

    @Test
    void listPagesThroughUnitsInNameOrderAndFiltersByParent() {
        admin().createUnit(create("c-unit", valid()));
        admin().createUnit(create("a-unit", valid()));
        admin().createUnit(create("b-unit", valid().setParent("units/a-unit").addOffices(office("main", 1, 1, 10))));

        ListUnitsResponse first = admin().listUnits(ListUnitsRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of("units/a-unit", "units/b-unit"), first.getUnitsList().stream().map(Unit::getName).toList());
        assertEquals(1, first.getUnits(1).getOfficesCount());
        assertTrue(!first.getNextPageToken().isEmpty());
        ListUnitsResponse second = admin().listUnits(ListUnitsRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("units/c-unit"), second.getUnitsList().stream().map(Unit::getName).toList());
        assertEquals("", second.getNextPageToken());

        ListUnitsResponse children = admin().listUnits(ListUnitsRequest.newBuilder().setParent("units/a-unit").build());
        assertEquals(List.of("units/b-unit"), children.getUnitsList().stream().map(Unit::getName).toList());

        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN",
                () -> admin().listUnits(ListUnitsRequest.newBuilder().setPageToken("garbage").build()));
    }

    @Test
    void updateChangesOnlyTheMaskedFields() {
        admin().createUnit(create("diskominfo", valid().addOffices(office("main", -2.87, 108.28, 150))));
        Unit updated = admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/diskominfo").setDisplayName("Dinas Kominfo")
                        .setTimeZone("Asia/Makassar"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build());
        assertEquals("Dinas Kominfo", updated.getDisplayName());
        assertEquals("Asia/Jakarta", updated.getTimeZone());
        assertEquals(1, updated.getOfficesCount());

        Unit moved = admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/diskominfo").setTimeZone("Asia/Makassar")
                        .addOffices(office("north", -2.5, 108.0, 300)).addOffices(office("south", -3.0, 108.0, 300)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("time_zone").addPaths("offices")).build());
        assertEquals("Asia/Makassar", moved.getTimeZone());
        assertEquals("Dinas Kominfo", moved.getDisplayName());
        assertEquals(List.of("north", "south"), moved.getOfficesList().stream().map(Office::getId).toList());
        assertEquals(moved, admin().getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build()));
    }

    @Test
    void updateRefusesBadMasksAndHierarchyCycles() {
        admin().createUnit(create("pemkab", valid()));
        admin().createUnit(create("dinas", valid().setParent("units/pemkab")));
        admin().createUnit(create("bidang", valid().setParent("units/dinas")));

        var cycle = assertFails(Status.Code.INVALID_ARGUMENT, "PARENT_CYCLE", () -> admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/pemkab").setParent("units/bidang"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("parent")).build()));
        assertEquals("unit.parent", cycle.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "PARENT_CYCLE", () -> admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/dinas").setParent("units/dinas"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("parent")).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/dinas").setDisplayName("x"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("displayname")).build()));
        // Without a mask the fields the request sets are changed, and only those.
        Unit before = admin().getUnit(GetUnitRequest.newBuilder().setName("units/dinas").build());
        Unit unmasked = admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/dinas").setDisplayName("Dinas Baru")).build());
        assertEquals(before.toBuilder().setDisplayName("Dinas Baru").build(), unmasked);
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND", () -> admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/nowhere").setDisplayName("x"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));

        // Moving a leaf elsewhere in the tree and detaching a unit are fine.
        Unit detached = admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/dinas"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("parent")).build());
        assertEquals("", detached.getParent());
        Unit moved = admin().updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setName("units/pemkab").setParent("units/bidang"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("parent")).build());
        assertEquals("units/bidang", moved.getParent());
    }

    @Test
    void onlyAdminsWriteAndAgencySystemsCannotRead() {
        admin().createUnit(create("diskominfo", valid()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                () -> UnitFixtures.units(channel, OFFICER_NIP, Role.OFFICER, Role.MANAGER).createUnit(create("other", valid())));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                () -> UnitFixtures.units(channel, "svc", Role.SERVICE).updateUnit(UpdateUnitRequest.newBuilder()
                        .setUnit(Unit.newBuilder().setName("units/diskominfo").setDisplayName("x"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED",
                () -> UnitFixtures.units(channel, "complaint-desk", Role.AGENCY)
                        .getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build()));
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN",
                () -> UnitServiceGrpc.newBlockingStub(channel).listUnits(ListUnitsRequest.getDefaultInstance()));
        assertEquals("units/diskominfo", UnitFixtures.units(channel, "svc", Role.SERVICE)
                .getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build()).getName());
    }
}
