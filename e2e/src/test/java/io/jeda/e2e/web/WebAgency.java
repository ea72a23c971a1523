package io.jeda.e2e.web;

import com.google.type.LatLng;
import io.jeda.common.security.Role;
import io.jeda.e2e.JedaServices;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.Tokens;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

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

    private final JedaServices services;
    private final WebRest rest;

    WebAgency(JedaServices services, WebRest rest) {
        this.services = services;
        this.rest = rest;
    }

    void create(LocalDate today) {
        UnitServiceGrpc.UnitServiceBlockingStub units = admin(UnitServiceGrpc.newBlockingStub(policy()));
        units.createUnit(CreateUnitRequest.newBuilder().setUnitId(UNIT).setUnit(Unit.newBuilder()
                .setDisplayName("Diskominfo Uji Aplikasi Web").setTimeZone(ZONE.getId())
                .addOffices(Office.newBuilder().setId("induk").setDisplayName("Kantor Induk")
                        .setGeofence(circle(OFFICE_LAT, OFFICE_LON, 150)))).build());
        PositionServiceGrpc.PositionServiceBlockingStub positions = admin(PositionServiceGrpc.newBlockingStub(policy()));
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

        officer(MANAGER, "Bambang Sutrisno", "e2e-web-kepala", "", -2.8702, 108.2851);
        officer(DESK_IN, "Agus Setiawan", "e2e-web-jaga", MANAGER, -2.8760, 108.2830);
        officer(DESK_OUT, "Dewi Anggraini", "e2e-web-jaga", MANAGER, -2.8720, 108.2880);
        officer(DESK_OFFLINE, "Fajar Ramadhan", "e2e-web-jaga", MANAGER, -2.8700, 108.2700);
        officer(ANALYST, ANALYST_NAME, "e2e-web-analis", MANAGER, -2.8655, 108.2902);
        officer(PLANNER, "Yusuf Hamdani", "e2e-web-analis", MANAGER, -2.8690, 108.2790);

        // The desk officers work every day from 00:01, at the office, from yesterday for a month.
        StringBuilder days = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.append(days.length() == 0 ? "" : ",").append("{\"dayOfWeek\":\"").append(d)
                    .append("\",\"place\":\"WORK_PLACE_OFFICE\",\"startTime\":{\"hours\":0,\"minutes\":1}}");
        }
        for (String desk : new String[]{DESK_IN, DESK_OUT, DESK_OFFLINE}) {
            String plan = rest.submitPlan(desk, plan(today.minusDays(1), today.plusDays(30), days.toString(),
                    "Jaga di kantor"));
            rest.approvePlan(MANAGER, plan);
        }
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

    private void officer(String nip, String name, String position, String manager, double homeLat, double homeLon) {
        admin(OfficerServiceGrpc.newBlockingStub(policy())).createOfficer(CreateOfficerRequest.newBuilder()
                .setOfficer(Officer.newBuilder().setNip(nip).setDisplayName(name).setUnit("units/" + UNIT)
                        .setPosition("positions/" + position)
                        .setManager(manager.isEmpty() ? "" : "officers/" + manager)
                        .setDomicile(circle(homeLat, homeLon, 100))).build());
    }

    private io.grpc.Channel policy() {
        return services.channel(JedaServices.Service.POLICY);
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S admin(S stub) {
        return stub.withCallCredentials(Tokens.as("e2e-web-admin", Role.ADMIN)).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Geofence circle(double lat, double lon, int radius) {
        return Geofence.newBuilder().setCenter(LatLng.newBuilder().setLatitude(lat).setLongitude(lon))
                .setRadiusMeters(radius).build();
    }
}
