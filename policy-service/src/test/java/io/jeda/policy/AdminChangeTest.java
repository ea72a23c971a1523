package io.jeda.policy;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.AdminChange;
import io.jeda.policy.v1.AdminChangeServiceGrpc;
import io.jeda.policy.v1.Absence;
import io.jeda.policy.v1.AbsenceKind;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CreateAbsenceRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.DeleteAbsenceRequest;
import io.jeda.policy.v1.ListAdminChangesRequest;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateUnitRequest;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every admin change is recorded (who, what, before and after) and listed within the caller's scope. */
class AdminChangeTest extends UnitApiTestBase {

    private static final String IN_NIP = "198501012010011001";
    private static final String OUT_NIP = "198502022010012002";

    @BeforeEach
    void agencies() {
        UnitFixtures.unit(channel, "kota-a", "Asia/Makassar");
        UnitFixtures.unit(channel, "kota-b", "Asia/Jakarta");
        UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.asScoped("admin-a", "kota-a", Role.ADMIN))
                .createUnit(CreateUnitRequest.newBuilder().setUnitId("kota-a-dinas").setUnit(Unit.newBuilder()
                        .setDisplayName("Dinas").setTimeZone("Asia/Makassar").setParent("units/kota-a")).build());
        UnitFixtures.position(channel, "analis");
        UnitFixtures.officer(channel, IN_NIP, "kota-a-dinas", null);
        UnitFixtures.officer(channel, OUT_NIP, "kota-b", null);
    }

    private AdminChangeServiceGrpc.AdminChangeServiceBlockingStub changes(io.grpc.CallCredentials c) {
        return AdminChangeServiceGrpc.newBlockingStub(channel).withCallCredentials(c);
    }

    @Test
    void anUpdateIsRecordedWithWhoWhatBeforeAndAfter() {
        UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.asScoped("admin-a", "units/kota-a", Role.ADMIN))
                .updateUnit(UpdateUnitRequest.newBuilder().setUnit(Unit.newBuilder().setName("units/kota-a-dinas")
                        .setDisplayName("Dinas Kominfo")).setUpdateMask(FieldMask.newBuilder().addPaths("display_name"))
                        .build());
        AdminChange last = changes(Tokens.as("national", Role.ADMIN)).listAdminChanges(ListAdminChangesRequest.newBuilder()
                .setResource("units/kota-a-dinas").build()).getChanges(0);
        assertEquals("admin-a", last.getActor());
        assertEquals("units/kota-a", last.getScope());
        assertEquals("UpdateUnit", last.getAction());
        assertEquals("units/kota-a-dinas", last.getUnit());
        assertTrue(last.getBefore().contains("\"displayName\":\"Dinas\""), last.getBefore());
        assertTrue(last.getAfter().contains("\"displayName\":\"Dinas Kominfo\""), last.getAfter());
        assertTrue(last.getChangeTime().getSeconds() > 0);
    }

    @Test
    void aDeletionKeepsWhatWasDeletedAndEveryKindOfChangeIsListedNewestFirst() {
        var admin = CalendarServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("national", Role.ADMIN));
        Absence a = admin.createAbsence(CreateAbsenceRequest.newBuilder().setParent("officers/" + IN_NIP)
                .setAbsence(Absence.newBuilder().setKind(AbsenceKind.ABSENCE_KIND_LEAVE)
                        .setStartDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(12).setDay(7))
                        .setEndDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(12).setDay(8))
                        .setDescription("Cuti tahunan")).build());
        admin.deleteAbsence(DeleteAbsenceRequest.newBuilder().setName(a.getName()).build());
        List<AdminChange> all = changes(Tokens.as("national", Role.ADMIN))
                .listAdminChanges(ListAdminChangesRequest.getDefaultInstance()).getChangesList();
        assertEquals(List.of("DeleteAbsence", "CreateAbsence", "CreateOfficer", "CreateOfficer", "CreatePosition",
                "CreateUnit", "CreateUnit", "CreateUnit"), all.stream().map(AdminChange::getAction).toList());
        AdminChange deleted = all.get(0);
        assertEquals(a.getName(), deleted.getResource());
        assertTrue(deleted.getBefore().contains("Cuti tahunan"), deleted.getBefore());
        assertEquals("", deleted.getAfter());
        assertEquals("", all.get(4).getUnit(), "a position belongs to every unit");
    }

    @Test
    void aScopedAdminOrHrListsTheChangesOfItsSubtreeOnly() {
        var hrA = Tokens.asScoped("hr-a", "kota-a", Role.HR);
        List<String> resources = changes(hrA).listAdminChanges(ListAdminChangesRequest.newBuilder().setUnit("units/kota-a")
                .build()).getChangesList().stream().map(AdminChange::getResource).toList();
        assertEquals(List.of("officers/" + IN_NIP, "units/kota-a-dinas", "units/kota-a"), resources);
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> changes(hrA)
                .listAdminChanges(ListAdminChangesRequest.newBuilder().setUnit("units/kota-b").build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> changes(hrA)
                .listAdminChanges(ListAdminChangesRequest.getDefaultInstance()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> changes(Tokens.as(IN_NIP, Role.OFFICER))
                .listAdminChanges(ListAdminChangesRequest.newBuilder().setUnit("units/kota-a").build()));
    }
}
