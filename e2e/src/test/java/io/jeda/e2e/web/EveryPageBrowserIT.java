package io.jeda.e2e.web;

import com.google.protobuf.Timestamp;
import io.jeda.common.security.Role;
import io.jeda.e2e.JedaServices;
import io.jeda.e2e.JedaServicesExtension;
import io.jeda.e2e.PolicyAdmin;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.FlexiTimeKind;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the web app, as an officer, a manager and an admin, in Bahasa Indonesia and in
 * English, on a 360 px phone and on a 1280 px desktop: nothing wider than the screen, no word broken
 * letter by letter (the administration tables were), no text missing from the bundles; the header
 * names the person and their real role, and the menu is one row on the phone. Screenshots of every
 * page go under target/screenshots/page-ROLE-PAGE-LANG(.png, -desktop.png).
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final String UNIT = "e2e-pages-bpbd";
    private static final String MANAGER = "197711052003121301";
    private static final String OFFICER = "199103142017012302";
    private static final String OFFICER_NAME = "Yohana Bernadetha Manafe";
    private static final String COLLEAGUE = "199204172019021303";
    private static final String COLLEAGUE_NAME = "Fransiskus Xaverius Lodo";
    private static final String ADMIN = "198306122009011304";

    private static final List<String> OFFICER_PAGES = List.of("today", "month", "plans", "requests", "messages", "asked");
    private static final List<String> MANAGER_PAGES = List.of("today", "inbox", "team", "wellbeing");
    private static final List<String> ADMIN_PAGES = List.of("admin/units", "admin/positions", "admin/officers",
            "admin/calendar", "admin/rosters", "admin/changes", "admin/import");

    private JedaServices services;

    @BeforeAll
    void agency(JedaServices services) {
        Assumptions.assumeTrue(Browser.available(), "no Chromium and chromedriver: the browser tests are skipped");
        this.services = services;
        PolicyAdmin admin = new PolicyAdmin(services, "e2e-pages-admin");
        admin.unit(UNIT, "Badan Penanggulangan Bencana Daerah Kabupaten Timor Tengah Selatan", ZONE,
                -9.8600, 124.2800, 150);
        admin.as(PositionServiceGrpc.newBlockingStub(admin.policy())).createPosition(CreatePositionRequest.newBuilder()
                .setPositionId("e2e-pages-analis").setPosition(Position.newBuilder()
                        .setDisplayName("Analis Kebencanaan Ahli Pertama").setFwaEligible(true)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_FIXED)).build());
        admin.officer(UNIT, MANAGER, "Hendrikus Nahak", "e2e-pages-analis", "", -9.8610, 124.2810);
        admin.officer(UNIT, OFFICER, OFFICER_NAME, "e2e-pages-analis", MANAGER, -9.8620, 124.2820);
        admin.officer(UNIT, COLLEAGUE, COLLEAGUE_NAME, "e2e-pages-analis", MANAGER, -9.8630, 124.2830);
        admin.officer(UNIT, ADMIN, "Dewi Admin Kabupaten", "e2e-pages-analis", "", -9.8640, 124.2840);
        LocalDate today = LocalDate.now(ZONE);
        admin.as(RosterServiceGrpc.newBlockingStub(admin.policy())).createRoster(CreateRosterRequest.newBuilder()
                .setRosterId("e2e-pages-pusdalops").setRoster(Roster.newBuilder()
                        .setDisplayName("Piket Pusdalops Penanggulangan Bencana").setUnit("units/" + UNIT)
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + OFFICER))
                        .addMembers(RosterMember.newBuilder().setOfficer("officers/" + COLLEAGUE))
                        .setTurnHours(12).setMaxHoursPerWeek(84)
                        .setStartTime(Timestamp.newBuilder().setSeconds(today.atStartOfDay(ZONE).toEpochSecond())))
                .build());
    }

    /** Opens the page in the language, waits for its script to fill it, checks it at 360 and 1280 px. */
    private static void visit(Browser b, String role, String page, String lang) {
        b.open("/app/" + page + "?lang=" + lang);
        b.until(d -> {
            String text = b.find("body").getText();
            boolean loading = text.contains("Memuat...") || text.contains("Loading...");
            return !loading && b.all("[aria-busy=true]").isEmpty() ? true : null;
        }, page + " loaded");
        // A second for the answers that fill lists after the first ones.
        b.driver.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 1000)");
        String name = "page-" + role + "-" + page.replace('/', '-') + "-" + lang;
        b.assertReadable(name);
        b.screenshot(name);
        b.assertReadableOnDesktop(name);
        b.screenshotDesktop(name);
    }

    /** The header: the person's name, their roles in words, the menu in one row on the phone. */
    private static void header(Browser b, String name, String role) {
        assertEquals(name, b.find(".whoname").getText());
        assertEquals(role, b.find("#who-role").getText());
        @SuppressWarnings("unchecked")
        Map<String, Object> menu = (Map<String, Object>) b.driver.executeScript("""
                const nav = document.querySelector('nav.main');
                const on = nav.querySelector('a.on');
                const n = nav.getBoundingClientRect();
                const tops = new Set([...nav.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top)));
                const a = on ? on.getBoundingClientRect() : null;
                return { rows: tops.size, height: n.height, onVisible: !a || (a.left >= n.left - 1 && a.right <= n.right + 1) };
                """);
        assertEquals(1L, ((Number) menu.get("rows")).longValue(), "the menu's rows on a phone: " + menu);
        assertTrue((Boolean) menu.get("onVisible"), "the page's own menu entry is scrolled into view: " + menu);
    }

    @Test
    void everyPageOfAnOfficerIsReadableOnAPhoneAndADesktopInBothLanguages() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.signIn(OFFICER, false);
            header(b, OFFICER_NAME, "Pegawai");
            for (String lang : List.of("id", "en")) {
                for (String page : OFFICER_PAGES) {
                    visit(b, "officer", page, lang);
                }
            }
            header(b, OFFICER_NAME, "Officer");
            // The swap form names the colleague whose turn it is, the NIP only beside the name.
            b.open("/app/requests?lang=id");
            b.until(d -> b.all("#s-theirs option[data-primary]").size() > 0 ? true : null, "the colleague's turns");
            String option = b.find("#s-theirs option[data-primary]").getText();
            assertTrue(option.contains(COLLEAGUE_NAME) && !option.contains(COLLEAGUE), option);
            String who = b.find("#s-theirs-who").getText();
            assertTrue(who.contains(COLLEAGUE_NAME) && who.contains(COLLEAGUE), who);
            // A date chosen in the field is said in the page's language, whatever the browser's.
            b.fill("#a-start", "2027-03-01");
            assertEquals("Senin, 1 Maret 2027", b.find("#a-start-said").getText());
            b.open("/app/requests?lang=en");
            b.fill("#a-start", "2027-03-01");
            assertTrue(b.find("#a-start-said").getText().matches("Monday,? 1 March 2027"),
                    b.find("#a-start-said").getText());
            b.screenshot("page-officer-requests-date-said");
        }
    }

    @Test
    void everyPageOfAManagerIsReadableOnAPhoneAndADesktopInBothLanguages() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.signIn(MANAGER, true);
            header(b, "Hendrikus Nahak", "Atasan langsung");
            for (String lang : List.of("id", "en")) {
                for (String page : MANAGER_PAGES) {
                    visit(b, "manager", page, lang);
                }
            }
            header(b, "Hendrikus Nahak", "Direct manager");
            // The report's month field says its month in the page's language.
            b.open("/app/wellbeing?lang=id");
            String month = b.find("#wb-month").getAttribute("value");
            assertEquals(java.time.YearMonth.parse(month).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                    java.util.Locale.forLanguageTag("id"))), b.find("#wb-month-said").getText());
        }
    }

    @Test
    void everyAdministrationPageIsReadableOnAPhoneAndTheHeaderSaysAdmin() {
        try (Browser b = new Browser(services.gatewayHttp())) {
            b.open("/signin");
            b.driver.manage().addCookie(new Cookie("jeda_session",
                    Tokens.scoped(ADMIN, "*", Role.OFFICER, Role.ADMIN)));
            b.open("/app/today");
            // Not "Pegawai": the admin's real role.
            header(b, "Dewi Admin Kabupaten", "Admin");
            // A day with a long description: its row must stay readable on the phone.
            b.open("/app/admin/calendar");
            b.until(d -> b.all("#d-unit option").size() > 0 ? true : null, "the calendar's form");
            b.fill("#d-date", "2027-08-17");
            assertEquals("Selasa, 17 Agustus 2027", b.find("#d-date-said").getText());
            new Select(b.find("#d-kind")).selectByValue("NATIONAL_HOLIDAY");
            b.find("#d-desc").sendKeys("Hari Ulang Tahun Kemerdekaan Republik Indonesia");
            b.find("#day-form button[type=submit]").click();
            b.waitForText("#admin-status", "disimpan");
            b.driver.executeScript("const y = document.getElementById('year'); y.value = '2027';"
                    + "y.dispatchEvent(new Event('change'));");
            String row = b.waitForText("#days tr[data-date='2027-08-17']", "Kemerdekaan");
            assertTrue(row.contains("Libur nasional") && row.contains("Hapus") && row.contains("17 Agu 2027"), row);
            b.assertReadable("admin-calendar-with-a-day");
            for (String lang : List.of("id", "en")) {
                for (String page : ADMIN_PAGES) {
                    visit(b, "admin", page, lang);
                }
            }
            header(b, "Dewi Admin Kabupaten", "Admin");
            // The on-call calendar names the officers.
            b.open("/app/admin/rosters?lang=id");
            String open = "#rosters tr[data-roster=e2e-pages-pusdalops] button";
            b.until(d -> b.all(open).isEmpty() ? null : true, "the roster in the list");
            b.find(open).click();
            b.waitForText("#slots", OFFICER_NAME);
            assertFalse(b.find("#sw-first option").getText().contains(OFFICER + " "), b.find("#sw-first option").getText());
        }
    }
}
