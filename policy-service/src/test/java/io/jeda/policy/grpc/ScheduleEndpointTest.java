package io.jeda.policy.grpc;

import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.PolicyTestBase;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.AbsenceKind;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PlanRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.RamadanPeriodRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesRequest;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedule API as its callers see it, through real stubs on the test database. 2026-08-10 is a
 * Monday; 2026-08-17 (a Monday) is Independence Day.
 */
class ScheduleEndpointTest extends PolicyTestBase {

    static final String MANAGER = "198001012005011001";
    static final String OFFICER = "199001012015011002";
    static final String OTHER = "199202022016022003";
    static final String PAPUA = "198703032010031004";
    static final String UNKNOWN = "199912312020121999";
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Inject UnitRepository units;
    @Inject PositionRepository positions;
    @Inject OfficerRepository officers;
    @Inject PlanRepository plans;
    @Inject CalendarDayRepository calendar;
    @Inject AbsenceRepository absences;
    @Inject RamadanPeriodRepository ramadan;
    @Inject ScheduleStatementCounter sql;

    String planId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("jeda.test.schedule.count-statements", "true");
        return p;
    }

    @BeforeEach
    void seed() {
        unit("kemen", null, "Asia/Jakarta");
        unit("dit", "kemen", "Asia/Jakarta");
        unit("papua", null, "Asia/Jayapura");
        unit("sulsel", null, "Asia/Makassar");
        PolicySettings s = PolicySettings.defaults();
        positions.save(new Position("analis", "Analis", true, "OFFICE,HOME", s.maxRemoteDaysPerWeek(), FlexiTimeKind.WINDOW,
                s.defaultStart(), s.startWindowBegin(), s.startWindowEnd(), s.weeklyWorkMinutes(), s.dailyWorkMinutes(),
                s.breakMinutes(), s.fridayBreakMinutes(), s.coreStart(), s.coreEnd(), CREATED, CREATED));
        officer(MANAGER, "dit", null);
        officer(OFFICER, "dit", MANAGER);
        officer(OTHER, "dit", PAPUA);
        officer(PAPUA, "papua", null);
        planId = Ids.newId();
        plans.save(new Plan(planId, OFFICER, LocalDate.parse("2026-08-01"), LocalDate.parse("2026-12-31"),
                "MONDAY:HOME:08:00,TUESDAY:OFFICE:07:30,WEDNESDAY:OFFICE:07:30,THURSDAY:OFFICE:07:30",
                PlanState.APPROVED, "", "", null, CREATED, CREATED, 1));
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.parse("2026-08-17"), CalendarDayKind.NATIONAL_HOLIDAY,
                "Hari Kemerdekaan", null, CREATED));
    }

    void unit(String id, String parent, String zone) {
        units.save(new Unit(id, id.toUpperCase(), parent, zone, LocalTime.of(23, 59), false, CREATED, CREATED));
    }

    void officer(String nip, String unit, String manager) {
        officers.save(new Officer(nip, "Pegawai " + nip, unit, "analis", manager, null, null, null, null, null,
                CREATED, CREATED));
    }

    ScheduleServiceGrpc.ScheduleServiceBlockingStub as(String subject, Role... roles) {
        return ScheduleServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    static Date date(String iso) {
        return ProtoConversions.toDate(LocalDate.parse(iso));
    }

    static GetEffectiveScheduleRequest get(String nip, String iso) {
        return GetEffectiveScheduleRequest.newBuilder().setOfficer("officers/" + nip).setDate(date(iso)).build();
    }

    static ListEffectiveSchedulesRequest range(String nip, String from, String to) {
        return ListEffectiveSchedulesRequest.newBuilder().setOfficer("officers/" + nip)
                .setStartDate(date(from)).setEndDate(date(to)).build();
    }

    static void assertRefused(Status.Code code, String reason, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals(reason, GrpcErrors.reason(e));
    }

    @Test
    void officerSeesTheirPlannedHomeDay() {
        EffectiveSchedule s = as(OFFICER, Role.OFFICER).getEffectiveSchedule(get(OFFICER, "2026-08-10"));
        assertEquals("officers/" + OFFICER, s.getOfficer());
        assertEquals(date("2026-08-10"), s.getDate());
        assertEquals("Asia/Jakarta", s.getTimeZone());
        assertEquals("units/dit", s.getUnit());
        assertTrue(s.getWorking());
        assertEquals(ScheduleReason.SCHEDULE_REASON_PLAN, s.getReason());
        assertEquals(WorkPlace.WORK_PLACE_HOME, s.getPlace());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME), s.getAllowedPlacesList());
        assertEquals(8, s.getWork().getStart().getHours());
        assertEquals(16, s.getWork().getEnd().getHours());
        assertEquals(30, s.getWork().getEnd().getMinutes());
        assertEquals(Instant.parse("2026-08-10T01:00:00Z").getEpochSecond(), s.getWork().getStartTime().getSeconds());
        assertEquals(Instant.parse("2026-08-10T09:30:00Z").getEpochSecond(), s.getWork().getEndTime().getSeconds());
        assertEquals(9, s.getCore().getStart().getHours());
        assertEquals(15, s.getCore().getEnd().getHours());
        assertEquals(450, s.getWorkMinutes());
        assertFalse(s.getRamadan());
        assertEquals("plans/" + planId, s.getPlan());
        assertEquals("Rencana FWA: bekerja dari rumah 08:00–16:30", s.getDescription());
    }

    @Test
    void nationalHolidayIsADayOffWithItsName() {
        EffectiveSchedule s = as(OFFICER, Role.OFFICER).getEffectiveSchedule(get(OFFICER, "2026-08-17"));
        assertFalse(s.getWorking());
        assertEquals(ScheduleReason.SCHEDULE_REASON_NATIONAL_HOLIDAY, s.getReason());
        assertEquals("Libur nasional: Hari Kemerdekaan", s.getDescription());
        assertFalse(s.hasWork());
        assertEquals(0, s.getAllowedPlacesCount());
    }

    @Test
    void agencyDayOfAParentUnitReachesItsSubUnits() {
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.parse("2026-08-11"), CalendarDayKind.AGENCY_DAY,
                "HUT Kementerian", "kemen", CREATED));
        EffectiveSchedule dit = as(MANAGER, Role.MANAGER).getEffectiveSchedule(get(MANAGER, "2026-08-11"));
        EffectiveSchedule papua = as(PAPUA, Role.OFFICER).getEffectiveSchedule(get(PAPUA, "2026-08-11"));
        assertEquals(ScheduleReason.SCHEDULE_REASON_AGENCY_DAY, dit.getReason());
        assertEquals(ScheduleReason.SCHEDULE_REASON_POSITION_DEFAULT, papua.getReason());
    }

    @Test
    void leaveAndTravelOverrideThePlan() {
        absences.save(new Absence(Ids.newId(), OFFICER, AbsenceKind.LEAVE, LocalDate.parse("2026-08-10"),
                LocalDate.parse("2026-08-10"), "Cuti tahunan", CREATED));
        absences.save(new Absence(Ids.newId(), OFFICER, AbsenceKind.OFFICIAL_TRAVEL, LocalDate.parse("2026-08-11"),
                LocalDate.parse("2026-08-12"), "Rapat koordinasi", CREATED));
        List<EffectiveSchedule> days = as(OFFICER, Role.OFFICER)
                .listEffectiveSchedules(range(OFFICER, "2026-08-10", "2026-08-12")).getSchedulesList();
        assertEquals(ScheduleReason.SCHEDULE_REASON_LEAVE, days.get(0).getReason());
        assertEquals("Cuti: Cuti tahunan", days.get(0).getDescription());
        assertEquals(ScheduleReason.SCHEDULE_REASON_OFFICIAL_TRAVEL, days.get(1).getReason());
        assertEquals("Dinas luar (Rapat koordinasi): bekerja dari tempat lain 07:30–16:00", days.get(1).getDescription());
        assertEquals(List.of(WorkPlace.WORK_PLACE_OTHER), days.get(2).getAllowedPlacesList());
    }

    @Test
    void ramadanHoursComeFromThePeriod() {
        ramadan.save(new RamadanPeriod(Ids.newId(), LocalDate.parse("2026-02-18"), LocalDate.parse("2026-03-19"),
                1950, LocalTime.of(8, 0), 30, 60, CREATED));
        EffectiveSchedule s = as(PAPUA, Role.OFFICER).getEffectiveSchedule(get(PAPUA, "2026-03-06"));
        assertTrue(s.getRamadan());
        assertEquals(390, s.getWorkMinutes());
        assertEquals(8, s.getWork().getStart().getHours());
        assertEquals(15, s.getWork().getEnd().getHours());
        assertEquals(30, s.getWork().getEnd().getMinutes());
        assertEquals("Asia/Jayapura", s.getTimeZone());
        // 08:00 WIT is 23:00 UTC of the day before.
        assertEquals(Instant.parse("2026-03-05T23:00:00Z").getEpochSecond(), s.getWork().getStartTime().getSeconds());
    }

    @Test
    void defaultDateIsTodayInTheOfficersZone() {
        EffectiveSchedule s = as(PAPUA, Role.OFFICER).getEffectiveSchedule(
                GetEffectiveScheduleRequest.newBuilder().setOfficer("officers/" + PAPUA).build());
        LocalDate before = LocalDate.now(java.time.ZoneId.of("Asia/Jayapura"));
        LocalDate answered = LocalDate.of(s.getDate().getYear(), s.getDate().getMonth(), s.getDate().getDay());
        assertTrue(answered.equals(before) || answered.equals(before.minusDays(1)), answered + " vs " + before);
    }

    @Test
    void unknownOfficerIsNotFound() {
        assertRefused(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND",
                () -> as("admin", Role.ADMIN).getEffectiveSchedule(get(UNKNOWN, "2026-08-10")));
        assertRefused(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND",
                () -> as("gateway", Role.SERVICE).listEffectiveSchedules(range(UNKNOWN, "2026-08-10", "2026-08-11")));
    }

    @Test
    void malformedOfficerNameIsInvalid() {
        assertRefused(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> as("admin", Role.ADMIN)
                .getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder().setOfficer(OFFICER).build()));
    }

    @Test
    void rangeOfThirtyOneDaysIsAnsweredInDateOrder() {
        ListEffectiveSchedulesResponse r = as(OFFICER, Role.OFFICER)
                .listEffectiveSchedules(range(OFFICER, "2026-08-01", "2026-08-31"));
        assertEquals(31, r.getSchedulesCount());
        for (int i = 0; i < 31; i++) {
            assertEquals(i + 1, r.getSchedules(i).getDate().getDay());
        }
        assertEquals(ScheduleReason.SCHEDULE_REASON_WEEKEND, r.getSchedules(0).getReason()); // Saturday
        assertEquals(ScheduleReason.SCHEDULE_REASON_PLAN, r.getSchedules(9).getReason());    // Monday 10th
        assertEquals(ScheduleReason.SCHEDULE_REASON_WEEKEND, r.getSchedules(13).getReason()); // Friday left free
        assertEquals(ScheduleReason.SCHEDULE_REASON_NATIONAL_HOLIDAY, r.getSchedules(16).getReason());
    }

    @Test
    void rangeOfThirtyTwoDaysOrBackwardsIsRefused() {
        assertRefused(Status.Code.INVALID_ARGUMENT, "RANGE_TOO_LONG",
                () -> as(OFFICER, Role.OFFICER).listEffectiveSchedules(range(OFFICER, "2026-08-01", "2026-09-01")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "INVALID_RANGE",
                () -> as(OFFICER, Role.OFFICER).listEffectiveSchedules(range(OFFICER, "2026-08-10", "2026-08-09")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> as(OFFICER, Role.OFFICER)
                .listEffectiveSchedules(ListEffectiveSchedulesRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setStartDate(date("2026-08-01")).build()));
    }

    @Test
    void batchOfFiveHundredIsAnsweredInOneCall() {
        List<Officer> many = new ArrayList<>();
        String[] unitsByZone = {"dit", "sulsel", "papua"};
        for (int i = 0; i < 497; i++) {
            many.add(new Officer(String.format("19950505202001%04d", i), "Pegawai " + i, unitsByZone[i % 3], "analis",
                    null, null, null, null, null, null, CREATED, CREATED));
        }
        officers.saveAll(many);
        BatchGetEffectiveSchedulesRequest.Builder req = BatchGetEffectiveSchedulesRequest.newBuilder()
                .setDate(date("2026-08-17"));
        req.addOfficers("officers/" + UNKNOWN);
        many.forEach(o -> req.addOfficers("officers/" + o.nip()));
        req.addOfficers("officers/199912312020121998").addOfficers("officers/199912312020121997");
        req.addOfficers("officers/" + many.get(0).nip()); // a duplicate: answered once, not counted twice

        sql.reset();
        BatchGetEffectiveSchedulesResponse r = as("gateway", Role.SERVICE).batchGetEffectiveSchedules(req.build());
        int statements = sql.statements();

        assertEquals(497, r.getSchedulesCount());
        // officers, units (two levels here), positions, plans, exceptions, absences, calendar, Ramadan;
        // the on-call lookup may add a few of its own, but nothing may grow with the 500 officers.
        assertTrue(statements >= 9 && statements <= 20, statements + " SQL statements for one batch");
        assertEquals(List.of("officers/" + UNKNOWN, "officers/199912312020121998", "officers/199912312020121997"),
                r.getNotFoundList());
        for (int i = 0; i < 497; i++) {
            EffectiveSchedule s = r.getSchedules(i);
            assertEquals("officers/" + many.get(i).nip(), s.getOfficer(), "request order");
            assertEquals(date("2026-08-17"), s.getDate());
            assertEquals(ScheduleReason.SCHEDULE_REASON_NATIONAL_HOLIDAY, s.getReason());
        }
        assertEquals("Asia/Jakarta", r.getSchedules(0).getTimeZone());
        assertEquals("Asia/Makassar", r.getSchedules(1).getTimeZone());
        assertEquals("Asia/Jayapura", r.getSchedules(2).getTimeZone());
    }

    @Test
    void officerSchedulesAreTheRecordAndTheDaysOfTheSeparateReads() {
        // 16:00 UTC on the 9th is already 01:00 on Monday the 10th in Jayapura: the dates count from there.
        Instant at = Instant.parse("2026-08-09T16:00:00Z");
        for (String nip : List.of(OFFICER, PAPUA)) {
            sql.reset();
            io.jeda.policy.v1.OfficerSchedules both = as("gateway", Role.SERVICE).getOfficerSchedules(
                    io.jeda.policy.v1.GetOfficerSchedulesRequest.newBuilder().setOfficer("officers/" + nip)
                            .setTime(ProtoConversions.toTimestamp(at)).setDaysBefore(1).setDaysAfter(14).build());
            int statements = sql.statements();
            String today = PAPUA.equals(nip) ? "2026-08-10" : "2026-08-09";
            LocalDate first = LocalDate.parse(today).minusDays(1);
            io.jeda.policy.v1.Officer alone = io.jeda.policy.v1.OfficerServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(Tokens.as("gateway", Role.SERVICE)).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getOfficer(io.jeda.policy.v1.GetOfficerRequest.newBuilder().setName("officers/" + nip).build());
            ListEffectiveSchedulesResponse days = as("gateway", Role.SERVICE)
                    .listEffectiveSchedules(range(nip, first.toString(), first.plusDays(15).toString()));
            assertEquals(alone, both.getOfficer());
            assertEquals(days.getSchedulesList(), both.getSchedulesList());
            assertEquals(16, both.getSchedulesCount());
            assertEquals(get(nip, today).getDate(), both.getSchedules(1).getDate());
            assertEquals(as("gateway", Role.SERVICE).getEffectiveSchedule(get(nip, today)), both.getSchedules(1));
            // The officer once, then the schedule's queries once for all sixteen dates.
            assertTrue(statements <= 20, statements + " SQL statements for one officer's record and days");
        }
    }

    @Test
    void officerSchedulesFollowTheReadRulesAndTheRangeLimit() {
        io.jeda.policy.v1.GetOfficerSchedulesRequest.Builder req = io.jeda.policy.v1.GetOfficerSchedulesRequest
                .newBuilder().setOfficer("officers/" + OFFICER).setDaysBefore(1).setDaysAfter(14);
        assertRefused(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> as(OTHER, Role.OFFICER).getOfficerSchedules(req.build()));
        assertEquals(16, as(MANAGER, Role.OFFICER, Role.MANAGER).getOfficerSchedules(req.build()).getSchedulesCount());
        assertRefused(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> as("gateway", Role.SERVICE)
                .getOfficerSchedules(req.clone().setOfficer("officers/" + UNKNOWN).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "RANGE_TOO_LONG",
                () -> as("gateway", Role.SERVICE).getOfficerSchedules(req.clone().setDaysAfter(30).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "INVALID_RANGE",
                () -> as("gateway", Role.SERVICE).getOfficerSchedules(req.clone().setDaysBefore(-1).build()));
    }

    @Test
    void batchAnswersEachOfficerInTheirOwnZone() {
        BatchGetEffectiveSchedulesResponse r = as("gateway", Role.SERVICE).batchGetEffectiveSchedules(
                BatchGetEffectiveSchedulesRequest.newBuilder().setDate(date("2026-08-10"))
                        .addOfficers("officers/" + MANAGER).addOfficers("officers/" + PAPUA).build());
        // 07:30 local: 00:30 UTC in Jakarta, 22:30 UTC the day before in Jayapura.
        assertEquals(Instant.parse("2026-08-10T00:30:00Z").getEpochSecond(),
                r.getSchedules(0).getWork().getStartTime().getSeconds());
        assertEquals(Instant.parse("2026-08-09T22:30:00Z").getEpochSecond(),
                r.getSchedules(1).getWork().getStartTime().getSeconds());
    }

    @Test
    void batchSizeIsBounded() {
        assertRefused(Status.Code.INVALID_ARGUMENT, "EMPTY_BATCH", () -> as("gateway", Role.SERVICE)
                .batchGetEffectiveSchedules(BatchGetEffectiveSchedulesRequest.getDefaultInstance()));
        BatchGetEffectiveSchedulesRequest.Builder tooMany = BatchGetEffectiveSchedulesRequest.newBuilder();
        for (int i = 0; i <= PolicySettings.defaults().scheduleMaxBatchOfficers(); i++) {
            tooMany.addOfficers(String.format("officers/19950505202001%04d", i));
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "BATCH_TOO_LARGE",
                () -> as("gateway", Role.SERVICE).batchGetEffectiveSchedules(tooMany.build()));
    }

    @ParameterizedTest(name = "{0} reading the officer''s schedule: {2}")
    @CsvSource({
            "the officer,        199001012015011002, OFFICER, OK,                ''",
            "another officer,    199202022016022003, OFFICER, PERMISSION_DENIED, NOT_MANAGER",
            "the direct manager, 198001012005011001, MANAGER, OK,                ''",
            "another manager,    198703032010031004, MANAGER, PERMISSION_DENIED, NOT_MANAGER",
            "an admin,           admin,              ADMIN,   OK,                ''",
            "a service,          gateway,            SERVICE, OK,                ''",
            "an agency system,   complaint-desk,     AGENCY,  PERMISSION_DENIED, ROLE_NOT_ALLOWED",
    })
    void whoMayReadASchedule(String who, String subject, Role role, Status.Code code, String reason) {
        Runnable single = () -> as(subject, role).getEffectiveSchedule(get(OFFICER, "2026-08-10"));
        Runnable list = () -> as(subject, role).listEffectiveSchedules(range(OFFICER, "2026-08-10", "2026-08-12"));
        if (code == Status.Code.OK) {
            single.run();
            list.run();
        } else {
            assertRefused(code, reason, single);
            assertRefused(code, reason, list);
        }
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertRefused(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN",
                () -> ScheduleServiceGrpc.newBlockingStub(channel).getEffectiveSchedule(get(OFFICER, "2026-08-10")));
        assertRefused(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN", () -> ScheduleServiceGrpc.newBlockingStub(channel)
                .batchGetEffectiveSchedules(BatchGetEffectiveSchedulesRequest.newBuilder()
                        .addOfficers("officers/" + OFFICER).build()));
    }

    @ParameterizedTest(name = "{0} asking for {1}: {3}")
    @CsvSource({
            "198001012005011001, MANAGER, 199001012015011002,                   OK,                ''",
            "198001012005011001, MANAGER, 199001012015011002 199202022016022003, PERMISSION_DENIED, NOT_MANAGER",
            "198001012005011001, MANAGER, 199912312020121999,                   PERMISSION_DENIED, NOT_MANAGER",
            "199001012015011002, OFFICER, 199001012015011002,                   PERMISSION_DENIED, ROLE_NOT_ALLOWED",
            "complaint-desk,     AGENCY,  199001012015011002,                   PERMISSION_DENIED, ROLE_NOT_ALLOWED",
            "admin,              ADMIN,   199001012015011002 199202022016022003, OK,                ''",
            "gateway,            SERVICE, 199001012015011002 199202022016022003, OK,                ''",
    })
    void whoMayAskForABatch(String subject, Role role, String nips, Status.Code code, String reason) {
        BatchGetEffectiveSchedulesRequest.Builder req = BatchGetEffectiveSchedulesRequest.newBuilder()
                .setDate(date("2026-08-10"));
        for (String nip : nips.split(" ")) {
            req.addOfficers("officers/" + nip);
        }
        if (code == Status.Code.OK) {
            assertEquals(nips.split(" ").length, as(subject, role).batchGetEffectiveSchedules(req.build()).getSchedulesCount());
        } else {
            assertRefused(code, reason, () -> as(subject, role).batchGetEffectiveSchedules(req.build()));
        }
    }
}
