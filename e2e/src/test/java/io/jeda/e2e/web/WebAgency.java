package io.jeda.e2e.web;

import io.jeda.e2e.JedaServices;
import io.jeda.e2e.PolicyAdmin;
import com.google.protobuf.Timestamp;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.WorkPlace;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The web app's own agency, beside the one of the reachability journey: a unit with an office
 * geofence, a manager, three desk officers on a 23-hour shift every day (so that "now" is always a
 * working time and the office is always an allowed place, whenever the test runs) and an analyst
 * who may work from home twice a week. Each browser test uses its own officer, so that one test's
 * check-in never changes what another sees.
 */
final class WebAgency {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    static final String UNIT = "e2e-web-diskominfo";
    static final double OFFICE_LAT = -2.8731;
    static final double OFFICE_LON = 108.2806;

    static final String MANAGER = "197701012003121011";
    static final String DESK_IN = "198502142010011101";
    static final String DESK_OUT = "198603152011022102";
    static final String DESK_OFFLINE = "198704162012031103";
    static final String ANALYST = "199005172015042104";
    static final String ANALYST_NAME = "Ratna Kusuma";
    static final String PLANNER = "199106182016051105";
    /** A desk officer whose device clock is set back while offline; on the on-call roster with DESK_OUT. */
    static final String DESK_CLOCK = "198805172013041106";
    static final String DESK_CLOCK_NAME = "Hadi Prasetyo";
    static final String ROSTER = "e2e-web-piket";
    static final String ROSTER_NAME = "Piket Pengaduan Web";

    private final PolicyAdmin admin;
    private final WebRest rest;

    WebAgency(JedaServices services, WebRest rest) {
        this.admin = new PolicyAdmin(services, "e2e-web-admin");
        this.rest = rest;
    }

    void create(LocalDate today) {
        admin.unit(UNIT, "Diskominfo Uji Aplikasi Web", ZONE, OFFICE_LAT, OFFICE_LON, 150);
        PositionServiceGrpc.PositionServiceBlockingStub positions = admin.as(PositionServiceGrpc.newBlockingStub(admin.policy()));
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-web-kepala").setPosition(
                Position.newBuilder().setDisplayName("Kepala Dinas").setFwaEligible(false)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-web-analis").setPosition(
                Position.newBuilder().setDisplayName("Analis Kebijakan").setFwaEligible(true)
                        .addAllowedPlaces(WorkPlace.WORK_PLACE_HOME).setMaxRemoteDaysPerWeek(2)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW)).build());
        positions.createPosition(CreatePositionRequest.newBuilder().setPositionId("e2e-web-jaga").setPosition(
                Position.newBuilder().setDisplayName("Petugas Pengaduan Jaga").setFwaEligible(false)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_SHIFT)
                        .setDefaultStart(com.google.type.TimeOfDay.newBuilder().setHours(0).setMinutes(1))
                        .setDailyWorkMinutes(23 * 60).setBreakMinutes(60).setFridayBreakMinutes(60)).build());

        admin.officer(UNIT, MANAGER, "Bambang Sutrisno", "e2e-web-kepala", "", -2.8702, 108.2851);
        admin.officer(UNIT, DESK_IN, "Agus Setiawan", "e2e-web-jaga", MANAGER, -2.8760, 108.2830);
        admin.officer(UNIT, DESK_OUT, "Dewi Anggraini", "e2e-web-jaga", MANAGER, -2.8720, 108.2880);
        admin.officer(UNIT, DESK_OFFLINE, "Fajar Ramadhan", "e2e-web-jaga", MANAGER, -2.8700, 108.2700);
        admin.officer(UNIT, ANALYST, ANALYST_NAME, "e2e-web-analis", MANAGER, -2.8655, 108.2902);
        admin.officer(UNIT, PLANNER, "Yusuf Hamdani", "e2e-web-analis", MANAGER, -2.8690, 108.2790);
        admin.officer(UNIT, DESK_CLOCK, DESK_CLOCK_NAME, "e2e-web-jaga", MANAGER, -2.8710, 108.2760);

        // The desk officers work every day from 00:01, at the office, from yesterday for a month.
        StringBuilder days = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.append(days.length() == 0 ? "" : ",").append("{\"dayOfWeek\":\"").append(d)
                    .append("\",\"place\":\"WORK_PLACE_OFFICE\",\"startTime\":{\"hours\":0,\"minutes\":1}}");
        }
        for (String desk : new String[]{DESK_IN, DESK_OUT, DESK_OFFLINE, DESK_CLOCK}) {
            String plan = rest.submitPlan(desk, plan(today.minusDays(1), today.plusDays(30), days.toString(),
                    "Jaga di kantor"));
            rest.approvePlan(MANAGER, plan);
        }
        // Twelve-hour on-call turns, DESK_CLOCK and DESK_OUT in turn, from yesterday's midnight.
        admin.as(RosterServiceGrpc.newBlockingStub(admin.policy())).createRoster(CreateRosterRequest.newBuilder()
                .setRosterId(ROSTER).setRoster(Roster.newBuilder().setDisplayName(ROSTER_NAME)
                        .setUnit("units/" + UNIT)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + DESK_CLOCK))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + DESK_OUT))
                        .setTurnHours(12)
                        .setStartTime(Timestamp.newBuilder().setSeconds(
                                today.minusDays(1).atStartOfDay(ZONE).toEpochSecond()))
                        .setMaxHoursPerWeek(84)).build());
    }

    /** The analyst's plan that waits in the manager's inbox: home on Wednesday, office otherwise. */
    String analystPlanWaiting(LocalDate today) {
        StringBuilder days = new StringBuilder();
        for (DayOfWeek d : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            days.append(days.length() == 0 ? "" : ",").append("{\"dayOfWeek\":\"").append(d).append("\",\"place\":\"")
                    .append(d == DayOfWeek.WEDNESDAY ? "WORK_PLACE_HOME" : "WORK_PLACE_OFFICE")
                    .append("\",\"startTime\":{\"hours\":8,\"minutes\":0}}");
        }
        return rest.submitPlan(ANALYST, plan(today.minusDays(1), today.plusDays(60), days.toString(),
                "Rabu bekerja dari rumah"));
    }

    static String plan(LocalDate from, LocalDate to, String days, String note) {
        return "{\"startDate\":" + date(from) + ",\"endDate\":" + date(to) + ",\"days\":[" + days + "],\"note\":\""
                + note + "\"}";
    }

    private static String date(LocalDate d) {
        return "{\"year\":" + d.getYear() + ",\"month\":" + d.getMonthValue() + ",\"day\":" + d.getDayOfMonth() + "}";
    }

}
