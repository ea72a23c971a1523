package io.jeda.e2e.web;

import com.google.protobuf.Timestamp;
import io.jeda.common.security.Role;
import io.jeda.e2e.JedaServices;
import io.jeda.e2e.JedaServicesExtension;
import io.jeda.e2e.PolicyAdmin;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests people make, officer to manager, in a real browser against the services running as
 * processes: an officer asks for leave today, the manager approves it in the inbox, and the officer's
 * own page and an agency's reachability answer say "on leave" at once; an officer proposes an on-call
 * swap, the colleague accepts it, the manager approves it (the roster requires it) and the turns change.
 * Screenshots at 360 and 1280 px go under target/screenshots/.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsBrowserIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    static final String UNIT = "e2e-req-bkpsdm";
    static final String ROSTER = "e2e-req-piket";
    static final String MANAGER = "197802032004121201";
    static final String LEAVER = "198807122014031202";
    static final String LEAVER_NAME = "Sri Wahyuni";
    static final String PROPOSER = "198908132015041203";
    static final String PROPOSER_NAME = "Rudi Hartono";
    static final String COLLEAGUE = "199009142016052204";
    static final String COLLEAGUE_NAME = "Maya Lestari";

    private JedaServices services;
    private WebRest rest;
    private PolicyAdmin admin;
    private LocalDate today;

    @BeforeAll
    void agency(JedaServices services) {
        Assumptions.assumeTrue(Browser.available(), "no Chromium and chromedriver: the browser tests are skipped");
        this.services = services;
        this.rest = new WebRest(services.gatewayHttp());
        this.today = LocalDate.now(ZONE);
        admin = new PolicyAdmin(services, "e2e-req-admin");
        admin.unit(UNIT, "BKPSDM Uji Permohonan", ZONE, -2.8731, 108.2806, 150);
        admin.as(PositionServiceGrpc.newBlockingStub(admin.policy())).createPosition(CreatePositionRequest.newBuilder()
                .setPositionId("e2e-req-staf").setPosition(Position.newBuilder().setDisplayName("Staf Kepegawaian")
                        .setFwaEligible(false).setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        admin.officer(UNIT, MANAGER, "Hendra Gunawan", "e2e-req-staf", "", -2.8702, 108.2851);
        admin.officer(UNIT, LEAVER, LEAVER_NAME, "e2e-req-staf", MANAGER, -2.8760, 108.2830);
        admin.officer(UNIT, PROPOSER, PROPOSER_NAME, "e2e-req-staf", MANAGER, -2.8720, 108.2880);
        admin.officer(UNIT, COLLEAGUE, COLLEAGUE_NAME, "e2e-req-staf", MANAGER, -2.8700, 108.2700);
        // Twelve-hour turns, the proposer from midnight and the colleague from noon; swaps need the manager.
        admin.as(RosterServiceGrpc.newBlockingStub(admin.policy())).createRoster(CreateRosterRequest.newBuilder()
                .setRosterId(ROSTER).setRoster(Roster.newBuilder().setDisplayName("Piket Layanan Kepegawaian")
                        .setUnit("units/" + UNIT)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + PROPOSER))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + COLLEAGUE))
                        .setTurnHours(12).setMaxHoursPerWeek(84).setSwapNeedsApproval(true)
                        .setStartTime(Timestamp.newBuilder().setSeconds(today.minusDays(1).atStartOfDay(ZONE).toEpochSecond())))
                .build());
    }

    private Browser browser() {
        return new Browser(services.gatewayHttp());
    }

    /** Sets a date input the way a date picker would, whatever the browser's own date format. */
    private static void date(Browser b, String css, LocalDate d) {
        b.driver.executeScript("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", css, d.toString());
    }

    @Test
    void leaveIsAskedApprovedInTheInboxAndTheOfficerIsOnLeaveAtOnce() {
        String reachability = "/v1/officers/" + LEAVER + "/reachability?urgency=ROUTINE";
        String agency = Tokens.token("e2e-req-desk", Role.AGENCY);
        assertTrue(!rest.send("GET", reachability, agency, null).contains("ON_LEAVE"));
        try (Browser b = browser()) {
            b.signIn(LEAVER, false);
            b.open("/app/requests");
            b.waitForText("h1", "Permohonan");
            date(b, "#a-start", today);
            date(b, "#a-end", today.plusDays(1));
            b.find("#a-note").sendKeys("Cuti tahunan, urusan keluarga");
            b.find("#absence-submit").click();
            b.waitForText("#absence-result", "Menunggu atasan");
            b.waitForText("#my-requests li.request", "Menunggu atasan");
            b.screenshot("requests-officer-leave-asked");
            b.screenshotDesktop("requests-officer-leave-asked");
        }
        try (Browser b = browser()) {
            b.signIn(MANAGER, true);
            b.open("/app/inbox");
            String item = "#inbox-requests li.request";
            b.waitForText(item, LEAVER_NAME);
            assertTrue(b.find(item).getText().contains("Cuti"), b.find(item).getText());
            b.screenshot("requests-manager-inbox");
            b.screenshotDesktop("requests-manager-inbox");
            b.find(item + " button.approve").click();
            b.waitForText(item + " .outcome", "Disetujui");
        }
        // Reachability follows at once: the officer's own page and an agency's answer.
        assertTrue(rest.send("GET", reachability, agency, null).contains("REACHABILITY_STATE_ON_LEAVE"));
        try (Browser b = browser()) {
            b.signIn(LEAVER, false);
            b.waitForText("#reach li[data-urgency=ROUTINE]", "Cuti");
            b.screenshot("requests-officer-on-leave");
            b.open("/app/requests");
            b.waitForText("#my-requests li.request", "Disetujui");
        }
    }

    @Test
    void aSwapIsProposedAcceptedByTheColleagueAndApprovedByTheManager() {
        String myTurn;
        String theirTurn;
        try (Browser b = browser()) {
            b.signIn(PROPOSER, false);
            b.open("/app/requests");
            b.until(d -> b.all("#s-mine option[value]").stream().anyMatch(o -> !o.getAttribute("value").isEmpty())
                    ? true : null, "the proposer's coming turns");
            myTurn = b.find("#s-mine").getAttribute("value");
            // The colleague's turn right after mine: the same week, so the weekly cap holds.
            theirTurn = Instant.parse(myTurn).plus(Duration.ofHours(12)).toString();
            new Select(b.find("#s-theirs")).selectByValue(theirTurn);
            // The colleague's turn is named by the colleague, the NIP beside the name.
            String chosen = new Select(b.find("#s-theirs")).getFirstSelectedOption().getText();
            assertTrue(chosen.contains(COLLEAGUE_NAME) && !chosen.contains(COLLEAGUE), chosen);
            String whose = b.waitForText("#s-theirs-who", COLLEAGUE_NAME);
            assertTrue(whose.contains(COLLEAGUE), whose);
            b.find("#s-note").sendKeys("Ada acara keluarga");
            b.find("#swap-submit").click();
            b.waitForText("#swap-result", "Menunggu rekan");
            b.waitForText("#my-requests li.request", "Tukar piket");
            b.screenshot("requests-swap-proposed");
            b.screenshotDesktop("requests-swap-proposed");
        }
        try (Browser b = browser()) {
            b.signIn(COLLEAGUE, false);
            b.open("/app/requests");
            String item = "#my-requests li.request[data-state=AWAITING_COUNTERPART]";
            b.waitForText(item, PROPOSER_NAME);
            b.screenshot("requests-swap-to-accept");
            b.find(item + " button.accept").click();
            b.waitForText("#my-requests li.request", "Menunggu atasan");
        }
        assertEquals(PROPOSER, primaryAt(Instant.parse(myTurn)), "nothing changes before the manager approves");
        try (Browser b = browser()) {
            b.signIn(MANAGER, true);
            b.open("/app/inbox");
            String item = "#inbox-requests li.request";
            b.until(d -> b.all(item).stream().anyMatch(e -> e.getText().contains("Tukar piket")) ? true : null,
                    "the swap in the inbox");
            WebElement swap = b.all(item).stream().filter(e -> e.getText().contains("Tukar piket")).findFirst().orElseThrow();
            swap.findElement(org.openqa.selenium.By.cssSelector("button.approve")).click();
            b.until(d -> swap.getText().contains("Disetujui") ? true : null, "the swap approved");
            b.screenshot("requests-swap-approved");
        }
        assertEquals(COLLEAGUE, primaryAt(Instant.parse(myTurn)));
        assertEquals(PROPOSER, primaryAt(Instant.parse(theirTurn)));
    }

    private String primaryAt(Instant t) {
        OnCallSlot s = admin.as(RosterServiceGrpc.newBlockingStub(admin.policy())).listOnCallSlots(
                ListOnCallSlotsRequest.newBuilder().setParent("rosters/" + ROSTER)
                        .setTime(Timestamp.newBuilder().setSeconds(t.getEpochSecond() + 60)).setPageSize(1).build())
                .getSlots(0);
        return s.getPrimary().substring("officers/".length());
    }
}
