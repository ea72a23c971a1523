package io.jeda.e2e.web;

import com.google.protobuf.Value;
import io.jeda.common.security.Role;
import io.jeda.e2e.JedaServices;
import io.jeda.e2e.JedaServicesExtension;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real browser (headless Chromium at 360 px), against the three services running
 * as processes: officers sign in, see today, check in inside and outside the office geofence and
 * without network; a manager approves a plan from the inbox; both languages render; an agency token
 * is refused. Every test leaves a screenshot under target/screenshots/.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserIT {

    /** About 40 m from the office's centre; accurate to 12 m. */
    private static final double AT_OFFICE_LAT = -2.8733;
    private static final double AT_OFFICE_LON = 108.2809;
    /** About 3 km away. */
    private static final double AWAY_LAT = -2.9000;
    private static final double AWAY_LON = 108.2950;

    private JedaServices services;
    private WebRest rest;
    private LocalDate today;
    private String waitingPlan;

    @BeforeAll
    void agency(JedaServices services) {
        if (!Browser.available()) {
            String why = "no Chromium and chromedriver at " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                    + ": the web app's browser tests are skipped (apt-get install chromium chromium-driver)";
            // The build log shows it too, not only the test report.
            System.err.println("e2e: " + why);
            Assumptions.abort(why);
        }
        this.services = services;
        this.rest = new WebRest(services.gatewayHttp());
        this.today = LocalDate.now(WebAgency.ZONE);
        WebAgency agency = new WebAgency(services, rest);
        agency.create(today);
        waitingPlan = agency.analystPlanWaiting(today);
    }

    private Browser browser() {
        return new Browser(services.gatewayHttp());
    }

    /** The week around today is on the page: its seven days, each with its plan. */
    private static void weekShown(Browser b) {
        b.until(d -> b.all("#week li[data-date]").size() == 7 ? true : null, "the week's seven days");
    }

    @Test
    void anOfficerSeesTodayAndChecksInInsideTheOfficeGeofence() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.DESK_IN, false);
            b.waitForText("#s-place", "Kantor");
            assertTrue(b.find("#s-why").getText().contains("Jadwal sif"), b.find("#s-why").getText());
            b.waitForText("#att-status", "Belum presensi");
            b.waitForText("#reach li[data-urgency=EMERGENCY]", "Darurat");
            // The week around today: seven days, each with its place (the desk works every day).
            weekShown(b);
            assertTrue(b.find("#week li.now").getText().contains("Kantor"), b.find("#week").getText());

            b.position(AT_OFFICE_LAT, AT_OFFICE_LON, 12);
            b.find("#checkin-office").click();
            b.waitForText("#result", "Tercatat");
            b.waitForText("#att-status", "Sudah presensi masuk");
            assertTrue(b.find("#geo").getText().contains("12 m"), b.find("#geo").getText());
            b.waitForText("#reach li[data-urgency=ROUTINE]", "Dapat dihubungi");
            b.screenshot("officer-today-checked-in");

            // Checked in, the page offers the check-out instead, with a new key for the new press.
            assertFalse(b.find("#modes").isDisplayed());
            b.find("#checkout").click();
            b.waitForText("#att-status", "Sudah presensi pulang");
        }
        List<Value> events = rest.events(WebAgency.DESK_IN, today);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).toString().contains("CHECK_OUT"), events.toString());
    }

    @Test
    void outsideTheGeofenceTheRefusalIsSaidInWords() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.DESK_OUT, false);
            b.waitForText("#s-place", "Kantor");
            b.position(AWAY_LAT, AWAY_LON, 10);
            b.find("#checkin-office").click();
            String said = b.waitForText("#result", "Ditolak");
            assertTrue(said.contains("di luar area kantor"), said);
            b.waitForText("#att-status", "Belum presensi");
            b.screenshot("officer-outside-geofence");
        }
        assertTrue(rest.events(WebAgency.DESK_OUT, today).isEmpty());
    }

    @Test
    void aCheckInMadeOfflineWaitsOnTheDeviceAndIsSentOnceWhenTheNetworkIsBack() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.DESK_OFFLINE, false);
            b.waitForText("#s-place", "Kantor");
            b.waitForText("#att-status", "Belum presensi");
            b.position(AT_OFFICE_LAT, AT_OFFICE_LON, 15);

            b.online(false);
            b.find("#checkin-office").click();
            b.waitForText("#result", "luring");
            b.waitForText("#queue-box", "Menunggu dikirim");
            assertEquals(1, b.all("#queue li").size());
            b.screenshot("officer-offline-queued");
            assertTrue(rest.events(WebAgency.DESK_OFFLINE, today).isEmpty(), "nothing reached the server yet");

            b.online(true);
            b.waitForText("#result", "terkirim");
            b.waitForText("#att-status", "Sudah presensi masuk");
            b.until(d -> b.find("#queue-box").isDisplayed() ? null : true, "the queue to empty");
            // A reload (and its flush of the queue) sends nothing again.
            b.open("/app/today");
            b.waitForText("#att-status", "Sudah presensi masuk");
            weekShown(b);
            b.screenshot("officer-offline-sent");
        }
        List<Value> events = rest.events(WebAgency.DESK_OFFLINE, today);
        assertEquals(1, events.size(), "sent exactly once: " + events);
    }

    @Test
    void aManagerApprovesAPlanFromTheInboxAndSeesTheTeam() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.MANAGER, true);
            b.open("/app/inbox");
            String item = "li[data-name='" + waitingPlan + "']";
            b.waitForText(item, WebAgency.ANALYST_NAME);
            assertTrue(b.find(item).getText().contains("Rabu: Rumah"), b.find(item).getText());
            // Against the position's rules and the officer's week as it is now.
            b.waitForText(item + " .rules", "Analis Kebijakan");
            assertTrue(b.find(item + " .rules").getText().contains("Paling banyak 2 hari di luar kantor"),
                    b.find(item + " .rules").getText());
            b.waitForText(item + " table.compare", "Rabu");
            assertTrue(b.find(item + " .context").getText().contains("1 hari di luar kantor per minggu (batas 2)"),
                    b.find(item + " .context").getText());
            assertEquals(1, b.all(item + " table.compare tr.changed").size(), "only Wednesday changes");
            b.screenshot("manager-inbox");
            b.screenshotDesktop("manager-inbox");

            // A rejection needs a reason: without one nothing is sent.
            b.find(item + " button.reject").click();
            b.waitForText(item + " .outcome", "alasan");
            b.find(item + " button.approve").click();
            b.waitForText(item + " .outcome", "Disetujui");
            b.screenshot("manager-inbox-approved");

            b.open("/app/team");
            b.waitForText("#team", WebAgency.ANALYST_NAME);
            // The team's week: a row per report, seven days, the approved plan's home day among them.
            b.waitForText("#teamweek", WebAgency.ANALYST_NAME);
            String analystRow = "#teamweek tr[data-officer='officers/" + WebAgency.ANALYST + "']";
            b.until(d -> b.all(analystRow + " td").size() == 7 ? true : null, "the analyst's seven days");
            b.screenshot("manager-team");
            b.screenshotDesktop("manager-team");
            // Next week lies wholly inside the approved plan: at home on its Wednesday only.
            String thisWeek = b.find("#h-tweek").getText();
            b.find("#w-next").click();
            b.until(d -> b.find("#h-tweek").getText().equals(thisWeek) ? null : true, "next week");
            b.until(d -> b.all(analystRow + " td.p-home").size() == 1 ? true : null, "one home day next week");
            // The function's on-call roster with its turns, by name.
            b.waitForText("#rosters", WebAgency.ROSTER_NAME);
            assertTrue(b.find("#rosters").getText().contains(WebAgency.DESK_CLOCK_NAME), b.find("#rosters").getText());
        }
        String state = rest.planState(WebAgency.ANALYST, waitingPlan);
        assertTrue(state.equals("PLAN_STATE_ACTIVE") || state.equals("PLAN_STATE_APPROVED"), state);
    }

    @Test
    void aPlanThatBreaksTwoRulesShowsBothBeforeSending() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.PLANNER, false);
            b.open("/app/plans");
            b.waitForText("#plans", "");
            // Three days at home, one at another office: the position allows two home days and no other office.
            for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY"}) {
                new Select(b.find("#place-" + day)).selectByValue("HOME");
            }
            new Select(b.find("#place-THURSDAY")).selectByValue("OTHER_OFFICE");
            // Nothing pressed yet: the form has asked the API to check the plan without storing it.
            b.waitForText("#plan-problems", "melanggar aturan jabatan");
            b.until(d -> b.all("#plan-problems li[data-reason]").size() == 2 ? true : null, "both broken rules");
            assertEquals(1, b.all("#plan-problems li[data-reason=PLACE_NOT_ALLOWED]").size(),
                    b.find("#plan-problems").getText());
            assertEquals(1, b.all("#plan-problems li[data-reason=REMOTE_DAYS_EXCEEDED]").size(),
                    b.find("#plan-problems").getText());
            assertTrue(b.find("#plan-problems").getText().contains("Terlalu banyak hari kerja di luar kantor"));
            b.screenshot("officer-plan-broken-rules");

            // Sending anyway is refused on the device, and no DRAFT is left behind.
            b.find("#plan-submit").click();
            b.waitForText("#plan-problems", "belum dikirim");
            assertEquals(2, b.all("#plan-problems li[data-reason]").size(), b.find("#plan-problems").getText());
            assertFalse(rest.send("GET", "/v1/me/plans", WebRest.officer(WebAgency.PLANNER), null).contains("\"name\""),
                    "no plan was stored");

            // Back within the rules (one home day, the rest at the office), the form says so.
            new Select(b.find("#place-TUESDAY")).selectByValue("OFFICE");
            new Select(b.find("#place-WEDNESDAY")).selectByValue("OFFICE");
            new Select(b.find("#place-THURSDAY")).selectByValue("OFFICE");
            b.waitForText("#plan-problems", "memenuhi semua aturan");
            b.screenshot("officer-plan-within-rules");
        }
    }

    @Test
    void theTextsRenderInIndonesianAndInEnglish() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.ANALYST, false);
            b.waitForText("h1", "Hari ini");
            b.waitForText("#h-schedule", "Jadwal hari ini");
            b.open("/app/today?lang=en");
            b.waitForText("h1", "Today");
            b.waitForText("#h-schedule", "Today's schedule");
            b.waitForText("#reach li[data-urgency=ROUTINE]", "Routine");
            weekShown(b);
            b.screenshot("officer-today-english");
            // The choice stays for the next page, where an agency system's question shows.
            rest.send("GET", "/v1/officers/" + WebAgency.ANALYST + "/reachability?urgency=URGENT",
                    Tokens.token("e2e-web-complaint-desk", Role.AGENCY), null);
            // The audit log is written in the background: wait until the API lists the question.
            b.until(d -> rest.send("GET", "/v1/me/inquiries", WebRest.officer(WebAgency.ANALYST), null)
                    .contains("e2e-web-complaint-desk") ? true : null, "the question in the audit log");
            b.open("/app/asked");
            b.waitForText("h1", "Who asked about me");
            b.waitForText("#asked", "e2e-web-complaint-desk");
            assertTrue(b.find("#asked").getText().contains("Urgent"), b.find("#asked").getText());
            b.screenshot("officer-who-asked-english");
            b.open("/app/today?lang=id");
            b.waitForText("h1", "Hari ini");
            weekShown(b);
            b.screenshot("officer-today-indonesian");
        }
    }

    @Test
    void anOfficerSeesTheMonthAndTheirOnCallTurnsAndMovesWithTheKeyboard() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.DESK_CLOCK, false);
            b.open("/app/month");
            b.until(d -> b.all("#calendar li[data-date]").size() >= 28 ? true : null, "the month's days");
            String todayCell = "#calendar li[data-date='" + today + "']";
            assertTrue(b.find(todayCell).getText().contains("Kantor"), b.find(todayCell).getText());
            // The 24-hour shift (00:01 to 00:01) ends on the next day, and says so.
            assertTrue(b.find(todayCell).getText().contains("00:01–00:01 (+1 hari)"), b.find(todayCell).getText());
            // On the roster: the turns, primary, the one in force first, on the roster named as people know it.
            b.waitForText("#oncall", "Petugas utama");
            assertTrue(b.find("#oncall").getText().contains(WebAgency.ROSTER_NAME), b.find("#oncall").getText());
            assertFalse(b.find("#oncall").getText().contains(WebAgency.ROSTER), b.find("#oncall").getText());
            b.screenshot("officer-month");
            b.screenshotDesktop("officer-month");

            // The next month by keyboard alone: focus the button and press Enter.
            String shown = b.find("#h-cal").getText();
            b.find("#m-next").sendKeys(org.openqa.selenium.Keys.ENTER);
            b.until(d -> b.find("#h-cal").getText().equals(shown) ? null : true, "another month");
            b.until(d -> b.all("#calendar li[data-date^='" + today.plusMonths(1).toString().substring(0, 7) + "']")
                    .size() >= 28 ? true : null, "next month's days");
            b.open("/app/month?lang=en");
            b.waitForText("h1", "My month");
            b.waitForText("#oncall", "Primary");
            b.until(d -> b.all("#calendar li[data-date]").size() >= 28 ? true : null, "the month's days");
            assertTrue(b.find(todayCell).getText().contains("00:01–00:01 (+1 day)"), b.find(todayCell).getText());
            b.screenshot("officer-month-english");
        }
    }

    @Test
    void anOfflineCheckInFromADeviceWhoseClockWasChangedIsFlaggedAndTheMonthShowsIt() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.DESK_CLOCK, false);
            b.waitForText("#s-place", "Kantor");
            b.waitForText("#att-status", "Belum presensi");
            // Every answer of the page's first load is in (the week comes last): one still in flight
            // when the network goes would otherwise overwrite the clock the test sets below.
            b.until(d -> b.all("#week li[data-date]").size() == 7 ? true : null, "the week's seven days");
            b.position(AT_OFFICE_LAT, AT_OFFICE_LON, 12);
            b.online(false);
            // What the device remembered of its last contact says the server's time then was two hours
            // later than its clock now shows: the clock was set back since.
            b.driver.executeScript("localStorage.setItem('jeda.clockOffsetMs', '0');"
                    + "localStorage.setItem('jeda.lastContact', new Date(Date.now() + 7200000).toISOString());");
            b.find("#checkin-office").click();
            b.waitForText("#queue-box", "Menunggu dikirim");
            b.online(true);
            b.waitForText("#result", "jam perangkat diubah");
            b.open("/app/month");
            b.waitForText("#calendar li[data-date='" + today + "']", "jam perangkat diubah");
            b.screenshot("officer-month-device-clock-flag");
        }
        List<Value> events = rest.events(WebAgency.DESK_CLOCK, today);
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).toString().contains("DEVICE_CLOCK_CHANGED"), events.toString());
    }

    @Test
    void aOneDayExceptionIsCheckedWhileItIsFilled() {
        try (Browser b = browser()) {
            b.signIn(WebAgency.PLANNER, false);
            b.open("/app/plans");
            b.waitForText("#exceptions", "");
            // Another office is not a place the analyst's position allows.
            new Select(b.find("#x-place")).selectByValue("OTHER_OFFICE");
            b.waitForText("#exception-problems", "melanggar aturan");
            assertEquals(1, b.all("#exception-problems li[data-reason=PLACE_NOT_ALLOWED]").size(),
                    b.find("#exception-problems").getText());
            b.screenshot("officer-exception-broken-rule");
            b.find("#exception-submit").click();
            b.waitForText("#exception-problems", "Belum dikirim");
            assertFalse(rest.send("GET", "/v1/me/day-exceptions", WebRest.officer(WebAgency.PLANNER), null)
                    .contains("\"name\""), "no exception was stored");
            new Select(b.find("#x-place")).selectByValue("HOME");
            b.waitForText("#exception-problems", "memenuhi semua aturan");
        }
    }

    @Test
    void anAgencyTokenCannotOpenTheApp() {
        try (Browser b = browser()) {
            b.open("/signin");
            b.driver.manage().addCookie(new Cookie("jeda_session", Tokens.token("e2e-web-desk", Role.AGENCY)));
            b.open("/app/today");
            String said = b.waitForText("#refused", "sistem instansi");
            assertTrue(said.contains("e2e-web-desk"), said);
            assertFalse(b.driver.getPageSource().contains("Jadwal hari ini"));
            b.screenshot("agency-refused");
        }
    }
}
