package io.jeda.gateway.client;

import com.google.protobuf.Timestamp;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.ScheduleReason;
import io.jeda.gateway.reachability.WorkPlace;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.LocalWindow;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OnCallSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyMapperTest {

    private final PolicyMapper mapper = new PolicyMapper(ZoneId.of("Asia/Jakarta"));

    private static Timestamp ts(String i) {
        Instant t = Instant.parse(i);
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).build();
    }

    @Test
    void officerNamesLoseTheirPrefixesAndKeepTheirZone() {
        OfficerProfile p = mapper.officer(Officer.newBuilder().setName("officers/123").setNip("123")
                .setDisplayName("Ani").setUnit("units/u9").setManager("officers/456").setTimeZone("Asia/Jayapura")
                .build());
        assertEquals(new OfficerProfile("123", "Ani", "u9", ZoneId.of("Asia/Jayapura"), "456"), p);
    }

    @Test
    void anOfficerWithoutZoneOrManagerGetsTheDefaultZoneAndNoManager() {
        OfficerProfile p = mapper.officer(Officer.newBuilder().setName("officers/123").setUnit("units/u9").build());
        assertEquals("123", p.nip());
        assertEquals(ZoneId.of("Asia/Jakarta"), p.zone());
        assertNull(p.managerNip());
    }

    @Test
    void aNightShiftWindowCrossesMidnightAsInstants() {
        EffectiveSchedule s = EffectiveSchedule.newBuilder()
                .setDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(11).setDay(25))
                .setTimeZone("Asia/Makassar").setWorking(true)
                .setReason(io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_SHIFT)
                .setPlace(io.jeda.policy.v1.WorkPlace.WORK_PLACE_OTHER_OFFICE)
                .setWork(LocalWindow.newBuilder().setStartTime(ts("2026-11-25T14:00:00Z"))
                        .setEndTime(ts("2026-11-25T22:00:00Z")))
                .addOnCall(OnCallSlot.newBuilder().setRoster("rosters/r1").setPrimary("officers/9")
                        .setStartTime(ts("2026-11-25T22:00:00Z")).setEndTime(ts("2026-11-26T06:00:00Z")))
                .build();

        DaySchedule d = mapper.schedule("7", s);

        assertEquals(LocalDate.of(2026, 11, 25), d.date());
        assertEquals(ScheduleReason.SHIFT, d.reason());
        assertEquals(WorkPlace.OTHER_OFFICE, d.place());
        assertTrue(d.inWorkingHours(Instant.parse("2026-11-25T17:00:00Z")));
        assertNull(d.core());
        assertEquals("r1", d.onCall().get(0).rosterId());
        assertEquals("9", d.onCall().get(0).primaryNip());
        assertNull(d.onCall().get(0).backupNip());
    }

    @Test
    void aWorkingDayWithoutAWindowIsReadAsNotWorkingRatherThanCrashing() {
        DaySchedule d = mapper.schedule("7", EffectiveSchedule.newBuilder()
                .setDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(11).setDay(25))
                .setWorking(true).build());
        assertFalse(d.working());
        assertNull(d.place());
    }

    @ParameterizedTest
    @EnumSource(io.jeda.policy.v1.ScheduleReason.class)
    void everyPolicyReasonMapsToAnEngineReason(io.jeda.policy.v1.ScheduleReason r) {
        if (r != io.jeda.policy.v1.ScheduleReason.UNRECOGNIZED) {
            assertNotNull(PolicyMapper.reason(r));
        }
    }
}
