package io.jeda.e2e;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.TimeOfDay;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.WorkPlace;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The agency of the scenario, made through policy-service's public API as its admin and its people
 * would make it: one WIB unit with an office geofence, a manager, an analyst with a home day, and a
 * complaint desk of two officers on a night-and-day roster.
 * <p>
 * The schedules are chosen so that every assertion holds whenever the test runs. Instants asked
 * about explicitly are a coming Tuesday night and Wednesday morning, whatever today is; the one
 * officer who checks in (at the server's "now") works a 24-hour shift every day, so "now" is always
 * inside their working hours.
 */
final class Agency {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    static final String UNIT = "e2e-diskominfo";
    /** Centre of the office geofence (WGS84 degrees) and its radius in metres. */
    static final double OFFICE_LAT = -2.8731;
    static final double OFFICE_LON = 108.2806;
    static final int OFFICE_RADIUS_M = 150;

    /** Head of the unit: manager of everyone else, office hours on the national default. */
    static final String MANAGER = "197604122003121001";
    /** Analyst with an approved plan: office at 08:00, but Wednesday at home. */
    static final String ANALYST = "199203152018012002";
    /** Complaint-desk officer on a 24-hour shift every day, starting 00:01 (a 00:00 start reads as unset). */
    static final String DESK_24H = "199006242014031003";
    /** Complaint-desk officer on office hours, on call on the roster at night. */
    static final String DESK_DAY = "199411302019022004";
    static final String ROSTER = "e2e-piket-pengaduan";

    static final LocalTime ANALYST_START = LocalTime.of(8, 0);
    /** 450 minutes of work and a 60-minute break (Monday to Thursday): the analyst's day ends 16:30. */
    static final LocalTime ANALYST_END = LocalTime.of(16, 30);
    static final LocalTime SHIFT_START = LocalTime.of(0, 1);
    /** The roster's turns: 12 hours each, two members, so every week both have 84 hours. */
    static final int TURN_HOURS = 12;

    private final PolicyAdmin admin;
    private final OfficerActions people;

    Agency(JedaServices services, OfficerActions people) {
        this.admin = new PolicyAdmin(services, "e2e-admin");
        this.people = people;
    }

    /**
     * The Monday 00:00 (WIB) on or before today on which the roster's rotation starts. A week holds
     * 14 turns, so in every week the second member (the day-desk officer) is on call from Tuesday
     * 12:00 to Wednesday 00:00 — Tuesday night included — with the 24-hour desk officer as backup.
     */
    static Instant rosterStart(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZONE).toInstant();
    }

    /** Creates everything; plans are written, submitted and approved by the people themselves. */
    void create(LocalDate today) {
        admin.unit(UNIT, "Diskominfo Uji Ujung ke Ujung", ZONE, OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS_M);

        PositionServiceGrpc.PositionServiceBlockingStub positions = admin.as(PositionServiceGrpc.newBlockingStub(admin.policy()));
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-kepala").setPosition(
                Position.newBuilder().setDisplayName("Kepala Dinas").setFwaEligible(false)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-analis").setPosition(
                Position.newBuilder().setDisplayName("Analis Kebijakan").setFwaEligible(true)
                        .addAllowedPlaces(WorkPlace.WORK_PLACE_HOME).setMaxRemoteDaysPerWeek(2)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW)).build());
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-petugas").setPosition(
                Position.newBuilder().setDisplayName("Petugas Layanan Pengaduan").setFwaEligible(false)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        // 23 hours of work and a 1-hour break: a shift that covers the whole day.
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-petugas-24").setPosition(
                Position.newBuilder().setDisplayName("Petugas Pengaduan Jaga 24 Jam").setFwaEligible(false)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_SHIFT).setDefaultStart(time(SHIFT_START))
                        .setDailyWorkMinutes(23 * 60).setBreakMinutes(60).setFridayBreakMinutes(60)).build());

        admin.officer(UNIT, MANAGER, "Hendra Wijaya", "e2e-kepala", "", -2.8702, 108.2851);
        admin.officer(UNIT, ANALYST, "Siti Nurhaliza", "e2e-analis", MANAGER, -2.8655, 108.2902);
        admin.officer(UNIT, DESK_24H, "Rahmat Saputra", "e2e-petugas-24", MANAGER, -2.8760, 108.2830);
        admin.officer(UNIT, DESK_DAY, "Lestari Wulandari", "e2e-petugas", MANAGER, -2.8720, 108.2880);

        LocalDate from = today.minusDays(1);
        LocalDate to = today.plusDays(30);
        Plan.Builder analystPlan = Plan.newBuilder().setStartDate(date(from)).setEndDate(date(to))
                .setNote("Rabu bekerja dari rumah");
        for (DayOfWeek d : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            analystPlan.addDays(day(d, d == DayOfWeek.WEDNESDAY ? WorkPlace.WORK_PLACE_HOME : WorkPlace.WORK_PLACE_OFFICE,
                    ANALYST_START));
        }
        Plan.Builder shifts = Plan.newBuilder().setStartDate(date(from)).setEndDate(date(to))
                .setNote("Jaga 24 jam di kantor");
        for (DayOfWeek d : DayOfWeek.values()) {
            shifts.addDays(day(d, WorkPlace.WORK_PLACE_OFFICE, SHIFT_START));
        }
        submitAndApprove(ANALYST, analystPlan.build());
        submitAndApprove(DESK_24H, shifts.build());

        admin.as(RosterServiceGrpc.newBlockingStub(admin.policy())).createRoster(CreateRosterRequest.newBuilder()
                .setRosterId(ROSTER).setRoster(Roster.newBuilder().setDisplayName("Piket Layanan Pengaduan")
                        .setUnit("units/" + UNIT)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + DESK_24H)
                                .setBackupOfficer("officers/" + DESK_DAY))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + DESK_DAY)
                                .setBackupOfficer("officers/" + DESK_24H))
                        .setTurnHours(TURN_HOURS)
                        .setStartTime(Timestamp.newBuilder().setSeconds(rosterStart(today).getEpochSecond()))
                        .setMaxHoursPerWeek(7 * TURN_HOURS)).build());
    }

    private void submitAndApprove(String nip, Plan plan) {
        Plan submitted = people.createAndSubmitPlan(nip, plan);
        require(submitted.getState() == PlanState.PLAN_STATE_SUBMITTED, "plan of " + nip + " submitted", submitted);
        Plan approved = people.approvePlan(MANAGER, submitted.getName());
        // Today lies inside the period, so the approved plan is in force at once.
        require(approved.getState() == PlanState.PLAN_STATE_ACTIVE, "plan of " + nip + " active", approved);
    }

    private static void require(boolean ok, String what, Object got) {
        if (!ok) {
            throw new AssertionError("expected " + what + ", got " + got);
        }
    }

    private static PlanDay day(DayOfWeek d, WorkPlace place, LocalTime start) {
        return PlanDay.newBuilder().setDayOfWeek(com.google.type.DayOfWeek.forNumber(d.getValue())).setPlace(place)
                .setStartTime(time(start)).build();
    }

    private static TimeOfDay time(LocalTime t) {
        return TimeOfDay.newBuilder().setHours(t.getHour()).setMinutes(t.getMinute()).build();
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }
}
