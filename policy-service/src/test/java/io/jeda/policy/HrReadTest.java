package io.jeda.policy;

import com.google.type.Date;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.policy.UnitFixtures.MANAGER_NIP;
import static io.jeda.policy.UnitFixtures.OFFICER_NIP;
import static io.jeda.policy.UnitFixtures.OTHER_NIP;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR reads what attendance-service needs to answer HR (a unit, its officers, their schedules), so
 * that GetAttendanceDay, StreamMonthlyRecap and ExportMonthlyRecap work for HR; HR never writes,
 * and never sees a domicile.
 */
class HrReadTest extends UnitApiTestBase {

    private static final Date DATE = Date.newBuilder().setYear(2026).setMonth(12).setDay(1).build();

    @BeforeEach
    void team() {
        UnitFixtures.team(channel);
    }

    private ScheduleServiceGrpc.ScheduleServiceBlockingStub schedules() {
        return ScheduleServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("hr-1", Role.HR));
    }

    @Test
    void hrReadsTheUnitItsOfficersAndTheirSchedules() {
        assertEquals("units/diskominfo", UnitFixtures.units(channel, "hr-1", Role.HR)
                .getUnit(GetUnitRequest.newBuilder().setName("units/diskominfo").build()).getName());
        Officer o = UnitFixtures.officers(channel, "hr-1", Role.HR)
                .getOfficer(GetOfficerRequest.newBuilder().setName("officers/" + OFFICER_NIP).build());
        assertEquals("units/diskominfo", o.getUnit());
        assertEquals("officers/" + MANAGER_NIP, o.getManager());
        assertFalse(o.hasDomicile(), "a domicile is personal data HR does not need");
        List<String> names = UnitFixtures.officers(channel, "hr-1", Role.HR)
                .listOfficers(ListOfficersRequest.newBuilder().setUnit("units/diskominfo").build())
                .getOfficersList().stream().map(Officer::getName).toList();
        assertEquals(List.of("officers/" + MANAGER_NIP, "officers/" + OFFICER_NIP, "officers/" + OTHER_NIP), names);
        assertTrue(schedules().getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder()
                .setOfficer("officers/" + OFFICER_NIP).setDate(DATE).build()).getWorking());
        assertEquals(7, schedules().listEffectiveSchedules(ListEffectiveSchedulesRequest.newBuilder()
                .setOfficer("officers/" + OFFICER_NIP).setStartDate(DATE)
                .setEndDate(DATE.toBuilder().setDay(7)).build()).getSchedulesCount());
    }

    @Test
    void hrDoesNotWrite() {
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> UnitFixtures.officers(channel, "hr-1", Role.HR)
                .updateOfficer(io.jeda.policy.v1.UpdateOfficerRequest.newBuilder()
                        .setOfficer(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setDisplayName("X"))
                        .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("display_name")).build()));
    }
}
