package io.jeda.e2e.web;

import com.google.protobuf.Timestamp;
import io.jeda.e2e.JedaServices;
import io.jeda.e2e.JedaServicesExtension;
import io.jeda.e2e.PolicyAdmin;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterOverrideRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterOverride;
import io.jeda.policy.v1.RosterServiceGrpc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wellbeing page ("Kesejahteraan") in a real browser against the running services: a manager sees
 * the month's table and the on-call chart of the team, where an override made one officer carry more
 * than the others; in Indonesian and English, at 360 px and at 1280 px.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WellbeingBrowserIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String UNIT = "e2e-wb-dinsos";
    private static final String MANAGER = "197802022004121021";
    private static final String ANI = "198803032012031121";
    private static final String BAYU = "198904042013041122";
    private static final String CICI = "199005052014052123";

    private JedaServices services;

    @BeforeAll
    void agency(JedaServices services) {
        Assumptions.assumeTrue(Browser.available(), "no Chromium and chromedriver: the browser tests are skipped");
        this.services = services;
        PolicyAdmin admin = new PolicyAdmin(services, "e2e-wb-admin");
        admin.unit(UNIT, "Dinas Sosial Uji Kesejahteraan", WIB, -2.8731, 108.2806, 150);
        admin.as(PositionServiceGrpc.newBlockingStub(admin.policy())).createPosition(CreatePositionRequest.newBuilder()
                .setPositionId("e2e-wb-staf").setPosition(Position.newBuilder().setDisplayName("Staf Pengaduan")
                        .setFwaEligible(false).setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        admin.officer(UNIT, MANAGER, "Hendra Wijaya", "e2e-wb-staf", "", -2.8702, 108.2851);
        admin.officer(UNIT, ANI, "Ani Lestari", "e2e-wb-staf", MANAGER, -2.8760, 108.2830);
        admin.officer(UNIT, BAYU, "Bayu Pratama", "e2e-wb-staf", MANAGER, -2.8720, 108.2880);
        admin.officer(UNIT, CICI, "Cici Amalia", "e2e-wb-staf", MANAGER, -2.8700, 108.2700);
        // 24-hour turns Ani, Bayu, Cici from the first of the month; Ani also takes the next two days.
        LocalDate first = YearMonth.now(WIB).atDay(1);
        var rosters = admin.as(RosterServiceGrpc.newBlockingStub(admin.policy()));
        rosters.createRoster(CreateRosterRequest.newBuilder().setRosterId("e2e-wb-piket").setRoster(Roster.newBuilder()
                .setDisplayName("Piket Pengaduan 24/7").setUnit("units/" + UNIT)
                .addMembers(RosterMember.newBuilder().setOfficer("officers/" + ANI))
                .addMembers(RosterMember.newBuilder().setOfficer("officers/" + BAYU))
                .addMembers(RosterMember.newBuilder().setOfficer("officers/" + CICI))
                .setTurnHours(24).setMaxHoursPerWeek(120)
                .setStartTime(ts(first.atStartOfDay(WIB).toEpochSecond()))).build());
        rosters.createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/e2e-wb-piket")
                .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + ANI)
                        .setStartTime(ts(first.plusDays(1).atStartOfDay(WIB).toEpochSecond()))
                        .setEndTime(ts(first.plusDays(3).atStartOfDay(WIB).toEpochSecond()))
                        .setReason("tukar jadwal")).build());
    }

    private static Timestamp ts(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }

    @Test
    void aManagerSeesTheTeamsRestAndOnCallLoadAsATableAndAChart() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.signIn(MANAGER, true);
            b.find("nav a[href='/app/wellbeing']").click();
            b.waitForText("h1", "Kesejahteraan");
            b.waitForText("table.wb-table", "Ani Lestari");
            String table = b.find("table.wb-table").getText();
            assertTrue(table.contains("Bayu Pratama") && table.contains("Cici Amalia"), table);
            // One bar per officer on the roster; policy-service keeps everyone within the 120-hour cap.
            assertEquals(3, b.all("svg.wb-chart rect.wb-bar").size(), b.find("svg.wb-chart").getText());
            assertEquals(0, b.all("svg.wb-chart rect.wb-bar.over").size());
            String spread = b.find("ul.wb-spread").getText();
            assertTrue(spread.contains("Piket Pengaduan 24/7") && spread.contains("Gini"), spread);
            assertTrue(b.all(".wb-missing").isEmpty(), "every part answered");
            b.screenshot("wellbeing-manager");
            b.screenshotDesktop("wellbeing-manager");

            b.open("/app/wellbeing?lang=en");
            b.waitForText("h1", "Wellbeing");
            b.waitForText("table.wb-table", "Busiest week");
            b.screenshot("wellbeing-manager-en");
        }
    }

    @Test
    void anOfficerWithoutATeamIsRefused() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.signIn(ANI, false);
            assertTrue(b.all("nav a[href='/app/wellbeing']").isEmpty(), "no menu entry for an officer");
            b.open("/app/wellbeing");
            assertTrue(b.find("main").getText().length() > 0);
            assertTrue(b.all("table.wb-table").isEmpty());
        }
    }
}
